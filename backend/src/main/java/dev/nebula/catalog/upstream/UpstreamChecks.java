package dev.nebula.catalog.upstream;

import dev.nebula.catalog.api.model.ImportRequest;
import dev.nebula.catalog.config.CatalogConfig;
import dev.nebula.catalog.inventory.InventoryService;
import dev.nebula.catalog.inventory.UpstreamFacts.Pinned;
import dev.nebula.catalog.search.HubHealth;
import dev.nebula.catalog.search.HubRevision;
import dev.nebula.catalog.search.Provider;
import dev.nebula.catalog.search.SearchService;
import dev.nebula.catalog.web.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.Validator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks the hubs, in the background, whether the default branch of each model imported through the catalog has moved
 * past the revision its import pinned. Never on block A's path: the models come from the last snapshot anyone caused,
 * the answers go to the database and {@link UpstreamRevisions}, and block A reads them from memory. Bounded: at most
 * {@code calls-per-run} hub calls a run, one attempt each; a hub model is asked at most once per
 * {@code recheck-after} across replicas (claimed in the database before the call); a hub that is disabled, paused by
 * its circuit breaker or rate-limiting us is left alone until it recovers.
 */
@ApplicationScoped
public class UpstreamChecks {

    /** After the hub said 429, leave it alone this long (its Retry-After is typically shorter). */
    static final Duration RATE_LIMIT_PAUSE = Duration.ofMinutes(5);

    @Inject
    CatalogConfig config;

    @Inject
    InventoryService inventory;

    @Inject
    SearchService search;

    @Inject
    HubHealth health;

    @Inject
    UpstreamRevisions revisions;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry metrics;

    @Inject
    Validator validator;

    private ScheduledExecutorService timer;

    void start(@Observes StartupEvent started) {
        Duration every = config.upstream().checkEvery();
        if (every.isZero() || every.isNegative()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "upstream-checks");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                Log.warnf("upstream revision check failed: %s", e.getMessage());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** One run: the models asked about least recently first. Returns the hub calls made. Blocking. */
    public int runOnce() {
        List<Pinned> pinned = new ArrayList<>(inventory.pinnedModels().stream()
                .map(p -> new Pinned(p.provider(), p.modelId(), null)).distinct().toList());
        pinned.sort(Comparator.comparing((Pinned p) -> revisions.answeredAt(p.provider(), p.modelId()),
                Comparator.nullsFirst(Comparator.naturalOrder())));
        int calls = 0;
        for (Pinned p : pinned) {
            if (calls >= config.upstream().callsPerRun()) {
                break;
            }
            Provider provider = Provider.fromWire(p.provider());
            if (provider == null || !importable(p.modelId())) {
                continue; // labels someone else wrote
            }
            if (leftAlone(provider) || !claim(p)) {
                continue;
            }
            calls++;
            check(provider, p);
        }
        return calls;
    }

    private void check(Provider provider, Pinned p) {
        try {
            HubRevision answer = search.latestRevisionNow(provider, p.modelId());
            Instant now = Instant.now();
            Instant committed = answer.date() == null ? null : Instant.parse(answer.date());
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    UPDATE upstream_revision SET sha = ?1, committed_at = ?2, answered_at = ?3, error = NULL
                    WHERE provider = ?4 AND model_id = ?5""")
                    .setParameter(1, answer.sha()).setParameter(2, committed == null ? null : committed.atOffset(ZoneOffset.UTC))
                    .setParameter(3, now.atOffset(ZoneOffset.UTC)).setParameter(4, p.provider())
                    .setParameter(5, p.modelId()).executeUpdate());
            revisions.remember(p.provider(), p.modelId(), new UpstreamRevisions.Known(answer.sha(), committed, now));
            metrics.counter("catalog.upstream.checks", "provider", p.provider(), "outcome", "answered").increment();
        } catch (RuntimeException e) {
            String code = e instanceof ApiException api ? api.code() : "internal_error";
            metrics.counter("catalog.upstream.checks", "provider", p.provider(), "outcome", code).increment();
            Log.debugf("upstream check of %s/%s failed: %s", p.provider(), p.modelId(), e.getMessage());
            try {
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE upstream_revision SET error = ?1 WHERE provider = ?2 AND model_id = ?3")
                        .setParameter(1, code.length() > 64 ? code.substring(0, 64) : code)
                        .setParameter(2, p.provider()).setParameter(3, p.modelId()).executeUpdate());
            } catch (RuntimeException dbDown) {
                Log.debugf("could not record the failed upstream check: %s", dbDown.getMessage());
            }
        }
    }

    /** Whether an import could name this model: only such ids go into a hub URL. */
    private boolean importable(String modelId) {
        return modelId != null && validator.validateValue(ImportRequest.class, "modelId", modelId).isEmpty();
    }

    /** Disabled, paused by its circuit breaker, or it told us to slow down a little while ago. */
    private boolean leftAlone(Provider provider) {
        if (!provider.settings(config).enabled()) {
            return true;
        }
        HubHealth.Status status = health.status(provider);
        if ("open".equals(status.circuit())) {
            return true;
        }
        return "hub_rate_limited".equals(status.last_failure_reason()) && status.last_failure_at() != null
                && Instant.parse(status.last_failure_at()).isAfter(Instant.now().minus(RATE_LIMIT_PAUSE))
                && (status.last_success_at() == null
                        || Instant.parse(status.last_success_at()).isBefore(Instant.parse(status.last_failure_at())));
    }

    /**
     * Takes this hub model for a check unless some replica asked about it within {@code recheck-after}: one upsert,
     * so two replicas never both call for it.
     */
    private boolean claim(Pinned p) {
        Instant now = Instant.now();
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                INSERT INTO upstream_revision (provider, model_id, checked_at) VALUES (?1, ?2, ?3)
                ON CONFLICT (provider, model_id) DO UPDATE SET checked_at = excluded.checked_at
                WHERE upstream_revision.checked_at < ?4""")
                .setParameter(1, p.provider()).setParameter(2, p.modelId()).setParameter(3, now.atOffset(ZoneOffset.UTC))
                .setParameter(4, now.minus(config.upstream().recheckAfter()).atOffset(ZoneOffset.UTC))
                .executeUpdate()) == 1;
    }
}
