package dev.nebula.catalog.search;

import dev.nebula.catalog.config.CatalogConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Offline, a hub used to look fine until someone searched and waited for the timeout. This asks each enabled hub for
 * one result at start and then whenever nobody has called it for {@code catalog.search.probe-every}, so
 * capabilities (the status panel, block B's notice) say "unreachable" first. Searches keep their own breaker; the
 * probe only feeds {@link HubHealth}, and costs one small call per hub per interval at most.
 */
@ApplicationScoped
public class HubProbe {

    @Inject
    CatalogConfig config;

    @Inject
    SearchService search;

    @Inject
    HubHealth health;

    private ScheduledExecutorService timer;

    void onStart(@Observes StartupEvent event) {
        Duration every = config.search().probeEvery();
        if (every.isZero() || every.isNegative()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hub-probe");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> probeIdle(every), 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Probes the hubs not called within {@code every}; returns how many it asked. */
    public int probeIdle(Duration every) {
        int asked = 0;
        for (Provider provider : Provider.values()) {
            Instant last = health.lastCall(provider);
            if (!provider.settings(config).enabled() || (last != null && last.isAfter(Instant.now().minus(every)))) {
                continue;
            }
            try {
                search.probeNow(provider);
                asked++;
            } catch (RuntimeException e) {
                Log.debugf("probing %s failed: %s", provider.wire(), e.getMessage());
            }
        }
        return asked;
    }
}
