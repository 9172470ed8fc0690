package dev.nebula.catalog.imports;

import dev.nebula.catalog.auth.NebulaIdentity;
import dev.nebula.catalog.auth.SharedReads;
import dev.nebula.catalog.nebula.NebulaClient;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Resolves imports no request will come back for: a service killed while Nebula held a create leaves its record
 * submitted and its audit intent without an outcome. At start-up and every {@code catalog.imports.recovery-interval}
 * after that, each unresolved record older than the create's time limit is settled against Nebula ("resolved after
 * restart: created" or "absent"). With no request at hand it reads Nebula with the importer's own session if it is
 * still live, else another live session, else the service account; with none of them it tries again next time.
 * Safe with several replicas: settling is a conditional update, so each record is settled once.
 */
@ApplicationScoped
public class ImportRecovery {

    static final String AFTER_RESTART = "resolved after restart";

    @Inject
    ImportRecords records;

    @Inject
    ImportResolver resolver;

    @Inject
    SharedReads shared;

    @Inject
    NebulaClient nebula;

    @Inject
    dev.nebula.catalog.config.CatalogConfig config;

    private Duration interval;

    private ScheduledExecutorService timer;

    void onStart(@Observes StartupEvent event) {
        interval = config.imports().recoveryInterval();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "import-recovery");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::runSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void runSafely() {
        try {
            recover();
        } catch (RuntimeException e) {
            Log.warnf("import recovery could not run (%s); it tries again in %s", e.getMessage(), interval);
        }
    }

    /** One pass; returns how many records were settled. */
    int recover() {
        if (!nebula.configured()) {
            return 0;
        }
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(resolver.settleAfter());
        int settled = 0;
        for (ImportRecord record : records.unresolvedBefore(cutoff)) {
            if (settle(record)) {
                settled++;
            }
        }
        return settled;
    }

    private boolean settle(ImportRecord record) {
        for (NebulaIdentity who : shared.candidates(record.actor, 3)) {
            try {
                return !resolver.resolve(record, who.token(), AFTER_RESTART).unresolved();
            } catch (RuntimeException e) {
                Log.debugf("resolving import %s with one session failed: %s", record.id, e.getMessage());
            }
        }
        Log.warnf("import %s (%s) is unresolved and no Nebula session could read the models; retrying in %s",
                record.id, record.modelId, interval);
        return false;
    }
}
