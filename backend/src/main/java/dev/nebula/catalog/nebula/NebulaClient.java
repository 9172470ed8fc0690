package dev.nebula.catalog.nebula;

import dev.nebula.catalog.config.CatalogConfig;
import dev.nebula.catalog.web.RequestIds;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestFilter;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The one bean that talks to Nebula. The base URL comes only from configuration; every call forwards the
 * request id and is bounded in time.
 */
@ApplicationScoped
public class NebulaClient {

    @Inject
    CatalogConfig config;

    private NebulaApi api;

    @PostConstruct
    void init() {
        config.nebula().url().ifPresent(url -> api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(url.replaceAll("/+$", "")))
                .connectTimeout(config.nebula().connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.nebula().readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .register((ClientRequestFilter) ctx -> ctx.getHeaders().putSingle(RequestIds.HEADER, RequestIds.current()))
                .build(NebulaApi.class));
    }

    /** Liveness of the Nebula BFF ({@code /api/healthz}); fails when Nebula is not configured or not answering. */
    public Uni<Boolean> healthy() {
        if (api == null) {
            return Uni.createFrom().failure(new IllegalStateException("NEBULA_URL is not set"));
        }
        return api.healthz()
                .ifNoItem().after(Duration.ofSeconds(2)).failWith(() -> new IllegalStateException("Nebula did not answer within 2 s"))
                .map(r -> {
                    if (r.getStatus() != 200) {
                        throw new IllegalStateException("Nebula health check answered HTTP " + r.getStatus());
                    }
                    return true;
                });
    }
}
