package dev.nebula.catalog.search;

import dev.nebula.catalog.config.CatalogConfig;
import dev.nebula.catalog.outbound.UpstreamGuard;
import io.smallrye.mutiny.Uni;
import org.jboss.resteasy.reactive.RestResponse;

import java.io.InputStream;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a hub's client bean needs besides its REST interface, the same for every hub: the hub's settings and endpoint,
 * whether a token is configured, its guard ({@link HubGuard}), and one attempt at a call read the common way
 * ({@link HubCalls#attempt}: capped body, budget, health and metrics).
 */
public final class HubLink {

    private final Provider provider;
    private final CatalogConfig.Hub settings;
    private final HubHealth health;
    private final SearchMetrics metrics;
    private final String endpoint;
    private final boolean tokenConfigured;
    private final UpstreamGuard guard;

    public HubLink(Provider provider, CatalogConfig config, HubHealth health, SearchMetrics metrics) {
        this.provider = provider;
        this.settings = provider.settings(config);
        this.health = health;
        this.metrics = metrics;
        this.endpoint = Normalize.endpoint(settings.endpoint());
        this.tokenConfigured = settings.token().filter(t -> !t.isBlank()).isPresent();
        this.guard = HubGuard.of(provider, config.search());
    }

    public CatalogConfig.Hub settings() {
        return settings;
    }

    /** The configured endpoint without trailing slash; hub links shown to users are built from it. */
    public String endpoint() {
        return endpoint;
    }

    public boolean tokenConfigured() {
        return tokenConfigured;
    }

    /** {@code attempt} (called again for the retry) under the hub's breaker and retry policy. */
    public <T> Uni<T> guarded(Supplier<Uni<T>> attempt) {
        return guard.call(attempt);
    }

    /** One attempt whose outcome counts in the hub's health. */
    public <T> Uni<T> attempt(Uni<RestResponse<InputStream>> call, long cap, Duration budget, Function<HubAnswer, T> reader) {
        return HubCalls.attempt(provider, call, cap, budget, metrics, health, reader);
    }

    /** One attempt whose failure says nothing about the hub (a model card anyone can write). */
    public <T> Uni<T> attemptAside(Uni<RestResponse<InputStream>> call, long cap, Duration budget,
                                   Function<HubAnswer, T> reader) {
        return HubCalls.attempt(provider, call, cap, budget, metrics, null, reader);
    }
}
