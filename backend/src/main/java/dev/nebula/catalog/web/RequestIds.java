package dev.nebula.catalog.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.jboss.logging.MDC;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.regex.Pattern;

/** The request id of the current request: accepted from the caller when sane, otherwise generated. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";

    /**
     * What a request id looks like: the contract's {@code RequestId} header pattern, read from the contract this
     * service serves. It runs before any endpoint (every answer carries the id), so no generated code holds it.
     */
    static final Pattern SANE = Pattern.compile(contractPattern());

    private RequestIds() {
    }

    /** The caller's id if it matches {@link #SANE}; otherwise a fresh one. */
    public static String acceptOrGenerate(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : generate();
    }

    public static String generate() {
        return "req-" + UUID.randomUUID();
    }

    /** The id bound to the current request (log context), or a fresh one outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id instanceof String s && !s.isEmpty() ? s : generate();
    }

    private static String contractPattern() {
        try (InputStream contract = RequestIds.class.getResourceAsStream("/META-INF/catalog-api.yaml")) {
            if (contract == null) {
                throw new IllegalStateException("the contract META-INF/catalog-api.yaml is not on the classpath");
            }
            JsonNode pattern = new ObjectMapper(new YAMLFactory()).readTree(contract)
                    .at("/components/headers/RequestId/schema/pattern");
            if (!pattern.isTextual()) {
                throw new IllegalStateException("the contract gives the RequestId header no pattern");
            }
            return pattern.asText();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the contract", e);
        }
    }
}
