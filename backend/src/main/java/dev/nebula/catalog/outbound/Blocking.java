package dev.nebula.catalog.outbound;

import dev.nebula.catalog.config.CatalogConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * How blocking code waits for an upstream call: by name, never by a number of its own. Each wait is derived from the
 * budget the call itself keeps (so the call ends first, with its own classified failure) plus a margin; the wait
 * only guards against a call that forgot its budget. Past it, {@link io.smallrye.mutiny.TimeoutException} (a
 * {@link java.util.concurrent.TimeoutException}), which the clients' failure mappings read as "no answer in time".
 */
@ApplicationScoped
public class Blocking {

    /** What a blocking caller is waiting for. */
    public enum Wait {
        /** A Nebula read: one attempt and one retry, each bounded by {@code catalog.nebula.read-timeout}. */
        NEBULA_READ,
        /** A Nebula write or sign-in: one attempt (never repeated), bounded by {@code catalog.nebula.read-timeout}. */
        NEBULA_WRITE,
        /** One request to a hub, all its calls within {@code catalog.search.request-deadline}. */
        HUB_REQUEST
    }

    static final Duration MARGIN = Duration.ofSeconds(1);

    private final CatalogConfig config;

    public Blocking(CatalogConfig config) {
        this.config = config;
    }

    public Duration of(Wait wait) {
        Duration budget = switch (wait) {
            case NEBULA_READ -> config.nebula().readTimeout().multipliedBy(2);
            case NEBULA_WRITE -> config.nebula().readTimeout();
            case HUB_REQUEST -> config.search().requestDeadline();
        };
        return budget.plus(MARGIN);
    }

    /** Blocks for {@code call}'s answer (call from a worker thread, never the event loop). */
    public <T> T await(Uni<T> call, Wait wait) {
        return call.await().atMost(of(wait));
    }
}
