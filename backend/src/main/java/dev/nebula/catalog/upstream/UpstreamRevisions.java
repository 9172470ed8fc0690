package dev.nebula.catalog.upstream;

import dev.nebula.catalog.db.SqlValues;
import dev.nebula.catalog.inventory.InventoryApi.NewerRevision;
import dev.nebula.catalog.inventory.UpstreamFacts;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The hubs' last answers about imported models' default branches, for block A. Block A asks on every refresh, so the
 * answers come from memory, reloaded from the database in the background every few seconds (checks made by other
 * replicas) and updated at once by a check made here.
 */
@ApplicationScoped
public class UpstreamRevisions implements UpstreamFacts {

    private static final long RELOAD_NANOS = 5_000_000_000L;

    /** A hub's answer: the default branch's commit, when it was made, when the hub said so. */
    record Known(String sha, Instant committedAt, Instant answeredAt) {
    }

    @Inject
    EntityManager em;

    private volatile Map<String, Known> known = Map.of();
    private volatile long loadedAt = System.nanoTime() - RELOAD_NANOS;
    private final AtomicBoolean loading = new AtomicBoolean();

    @Override
    public Optional<NewerRevision> newer(String provider, String modelId, String pinned) {
        if (System.nanoTime() - loadedAt > RELOAD_NANOS) {
            reloadInBackground();
        }
        Known k = known.get(key(provider, modelId));
        if (k == null || k.sha() == null || pinned == null || sameCommit(k.sha(), pinned)) {
            return Optional.empty();
        }
        return Optional.of(new NewerRevision(k.sha(), k.committedAt() == null ? null : k.committedAt().toString(),
                k.answeredAt().toString()));
    }

    /** When this hub model was last answered for, or null (never, or not in memory yet). */
    Instant answeredAt(String provider, String modelId) {
        Known k = known.get(key(provider, modelId));
        return k == null ? null : k.answeredAt();
    }

    /** A check here got an answer: block A shows it at its next refresh. */
    void remember(String provider, String modelId, Known answer) {
        Map<String, Known> next = new HashMap<>(known);
        next.put(key(provider, modelId), answer);
        known = Map.copyOf(next);
    }

    /**
     * The import pins the full sha; a shorter one (7+ characters, as a user may give it) still names the same commit.
     */
    static boolean sameCommit(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        return x.equals(y) || (Math.min(x.length(), y.length()) >= 7 && (x.startsWith(y) || y.startsWith(x)));
    }

    static String key(String provider, String modelId) {
        return provider + "/" + modelId;
    }

    @SuppressWarnings("unchecked")
    void reload() {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT provider, model_id, sha, committed_at, answered_at FROM upstream_revision "
                        + "WHERE sha IS NOT NULL AND answered_at IS NOT NULL").getResultList());
        Map<String, Known> next = new HashMap<>();
        for (Object[] r : rows) {
            next.put(key((String) r[0], (String) r[1]),
                    new Known((String) r[2], SqlValues.instant(r[3]), SqlValues.instant(r[4])));
        }
        known = Map.copyOf(next);
        loadedAt = System.nanoTime();
    }

    private void reloadInBackground() {
        if (loading.compareAndSet(false, true)) {
            Infrastructure.getDefaultWorkerPool().execute(() -> {
                try {
                    reload();
                } catch (RuntimeException e) {
                    loadedAt = System.nanoTime(); // the database is down: try again later, not on every refresh
                    Log.debugf("could not read upstream revisions: %s", e.getMessage());
                } finally {
                    loading.set(false);
                }
            });
        }
    }

}
