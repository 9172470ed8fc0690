package dev.nebula.catalog.search;

import dev.nebula.catalog.config.CatalogConfig;
import dev.nebula.catalog.outbound.UpstreamGuard;

import java.time.Duration;
import java.util.List;

/**
 * Fault tolerance of one hub: one circuit breaker named after the provider (so {@link HubHealth} and
 * {@code CircuitBreakerMaintenance} find it), shared by all of that hub's calls, and a single retry for connection
 * errors and 5xx ({@link HubException.Unavailable}). Deliberate answers ({@link HubException.Rejected}: 404, 429, a
 * bad token) neither retry nor count against the circuit, so one user's rate limits never pause a hub for everyone.
 */
public final class HubGuard {

    /** Half of the calls in the window failing opens the circuit. */
    static final double FAILURE_RATIO = 0.5;

    private HubGuard() {
    }

    public static UpstreamGuard of(Provider provider, CatalogConfig.Search settings) {
        return new UpstreamGuard(provider.wire() + " hub calls",
                new UpstreamGuard.Breaker(provider.wire(), settings.circuitRequestVolume(), FAILURE_RATIO,
                        settings.circuitOpenFor(), List.of(HubException.Rejected.class)),
                new UpstreamGuard.Retry(List.of(HubException.Unavailable.class), List.of(),
                        Duration.ofMillis(100), Duration.ofMillis(50)),
                open -> HubException.circuitOpen(provider));
    }
}
