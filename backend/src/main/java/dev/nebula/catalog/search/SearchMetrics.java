package dev.nebula.catalog.search;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Search's own meters; tag values come from small fixed sets so the series stay bounded. */
@ApplicationScoped
public class SearchMetrics {

    @Inject
    MeterRegistry registry;

    /** {@code outcome} is "ok" or the error code (validation_failed, hub_timeout, …). */
    public void search(Provider provider, String outcome, long nanos) {
        Counter.builder("catalog.search.requests").description("Hub searches by provider and outcome")
                .tag("provider", provider.wire()).tag("outcome", outcome).register(registry).increment();
        Timer.builder("catalog.search.latency").description("Time to answer a hub search")
                .tag("provider", provider.wire()).register(registry).record(java.time.Duration.ofNanos(nanos));
    }

    public void cache(String cache, boolean hit) {
        Counter.builder("catalog.search.cache").description("Search cache lookups")
                .tag("cache", cache).tag("result", hit ? "hit" : "miss").register(registry).increment();
    }

    public void hubResponse(Provider provider, int status) {
        Counter.builder("catalog.hub.responses").description("Hub HTTP responses by status code")
                .tag("provider", provider.wire()).tag("status", Integer.toString(status)).register(registry).increment();
    }
}
