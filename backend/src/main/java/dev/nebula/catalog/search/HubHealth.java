package dev.nebula.catalog.search;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the service last saw from each hub, for capabilities: a hub that answered "not found" is healthy, one that
 * timed out or sent garbage is not. The circuit state is read live from fault tolerance.
 */
@ApplicationScoped
public class HubHealth {

    /**
     * {@code reachable}: false when calls are paused (circuit open) or the last call failed, true when it answered,
     * null before any call (or probe) was made.
     */
    public record Status(String last_success_at, String last_failure_at, String last_failure_reason, String circuit,
                         Boolean reachable) {
    }

    private record Seen(Instant success, Instant failure, String reason) {
    }

    private final Map<Provider, Seen> seen = new EnumMap<>(Provider.class);

    public synchronized void success(Provider provider) {
        Seen s = seen.getOrDefault(provider, new Seen(null, null, null));
        seen.put(provider, new Seen(Instant.now(), s.failure(), s.reason()));
    }

    public synchronized void failure(Provider provider, Throwable error) {
        if (error instanceof HubException.Rejected rejected && rejected.status() == 404) {
            success(provider);
            return;
        }
        Seen s = seen.getOrDefault(provider, new Seen(null, null, null));
        // a code only: the page words it, and no message or exception name from below reaches it
        String reason = error instanceof HubException h ? h.code() : "hub_unreachable";
        seen.put(provider, new Seen(s.success(), Instant.now(), reason));
    }

    /** When the hub last answered or failed, whichever is later; null before any call. */
    public synchronized Instant lastCall(Provider provider) {
        Seen s = seen.get(provider);
        if (s == null) {
            return null;
        }
        if (s.success() == null || (s.failure() != null && s.failure().isAfter(s.success()))) {
            return s.failure();
        }
        return s.success();
    }

    public synchronized Status status(Provider provider) {
        Seen s = seen.getOrDefault(provider, new Seen(null, null, null));
        String circuit = circuit(provider);
        Boolean reachable = "open".equals(circuit) ? Boolean.FALSE
                : s.failure() != null && (s.success() == null || s.failure().isAfter(s.success())) ? Boolean.FALSE
                : s.success() != null ? Boolean.TRUE : null;
        return new Status(iso(s.success()), iso(s.failure()), s.reason(), circuit, reachable);
    }

    /** Circuit breakers are named after the provider's wire name (see the hub clients). */
    private static String circuit(Provider provider) {
        try {
            CircuitBreakerState state = CircuitBreakerMaintenance.get().currentState(provider.wire());
            return state.name().toLowerCase();
        } catch (RuntimeException notYetCreated) {
            return "closed";
        }
    }

    private static String iso(Instant at) {
        return at == null ? null : at.toString();
    }
}
