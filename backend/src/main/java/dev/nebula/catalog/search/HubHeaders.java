package dev.nebula.catalog.search;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Headers every hub request carries: a real User-Agent (hub WAFs block library defaults) and the token the way that
 * hub reads it (the request id comes from {@link dev.nebula.catalog.outbound.RequestIdHeader}). A blank token is
 * never sent: a stale or empty credential turns even public Hugging Face calls into 401. Each hub registers its own
 * subclass on its REST interface.
 */
public abstract class HubHeaders implements ClientRequestFilter {

    private final Map<String, String> fixed;

    protected HubHeaders(Provider provider, Optional<String> token, String userAgent) {
        this.fixed = forHub(provider, token, userAgent);
    }

    /** The static part of the headers, separate for tests. */
    public static Map<String, String> forHub(Provider provider, Optional<String> token, String userAgent) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", userAgent);
        headers.put("Accept", "application/json");
        token.map(String::trim).filter(t -> !t.isEmpty()).ifPresent(t -> {
            headers.put("Authorization", "Bearer " + t);
            if (provider == Provider.MODELSCOPE) {
                // older /api/v1 endpoints read the session cookie, newer ones the header; the SDK sends both
                headers.put("Cookie", "m_session_id=" + t);
            }
        });
        return Map.copyOf(headers);
    }

    @Override
    public void filter(ClientRequestContext ctx) {
        fixed.forEach((name, value) -> ctx.getHeaders().putSingle(name, value));
    }
}
