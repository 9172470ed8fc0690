package dev.nebula.catalog.imports;

import dev.nebula.catalog.inventory.ImportFacts;
import dev.nebula.catalog.replicas.ReplicaNotice;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The import records' facts for block A, which asks on every refresh, possibly from the event loop, so answers come
 * from memory: loaded at start-up (a restarted service knows its downloads' totals at once), reloaded from the
 * database in the background every few seconds (imports made by other replicas) and updated at once when an import
 * here succeeds.
 */
@ApplicationScoped
public class ImportedModels implements ImportFacts {

    private static final long RELOAD_NANOS = 5_000_000_000L;

    private volatile Map<String, Fact> facts = Map.of();
    private volatile long loadedAt;
    private final AtomicBoolean loading = new AtomicBoolean();

    void onStart(@Observes StartupEvent event) {
        reload();
    }

    /**
     * Another replica imported or deleted a model: load its facts now, before block A (which observes the same notice
     * later) refreshes, so the row shows its importer and expected size at once rather than up to 5 s later.
     */
    void onOtherReplica(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION) ReplicaNotice notice) {
        if (notice.topic() == ReplicaNotice.Topic.SESSION) {
            return;
        }
        try {
            reload();
        } catch (RuntimeException e) {
            // a thrown observer would keep block A from hearing the notice; the periodic reload catches up
            Log.debugf("import facts not reloaded after another replica's change: %s", e.getMessage());
        }
    }

    @Override
    public Optional<Fact> of(String modelUid) {
        if (System.nanoTime() - loadedAt > RELOAD_NANOS) {
            reloadInBackground();
        }
        return Optional.ofNullable(modelUid == null ? null : facts.get(modelUid));
    }

    @Inject
    ImportRecords records;

    @Override
    public void removed(String modelUid) {
        records.markRemoved(modelUid);
        forget(modelUid);
    }

    @Override
    public void listed(Set<String> modelUids, Instant readAt) {
        List<String> gone = facts.keySet().stream().filter(uid -> !modelUids.contains(uid)).toList();
        if (gone.isEmpty()) {
            return;
        }
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            OffsetDateTime before = readAt.atOffset(ZoneOffset.UTC);
            for (String uid : gone) {
                // only imports settled before the list was read: one created during the read is not in it yet
                if (records.markRemovedIfCreatedBefore(uid, before) > 0) {
                    forget(uid);
                }
            }
        });
    }

    private void forget(String modelUid) {
        Map<String, Fact> next = new HashMap<>(facts);
        if (next.remove(modelUid) != null) {
            facts = Map.copyOf(next);
        }
    }

    /** Called when an import has created its model, so the very next refresh shows the real total. */
    void remember(String modelUid, ImportRecord record) {
        if (modelUid != null) {
            Map<String, Fact> next = new HashMap<>(facts);
            next.put(modelUid, new Fact(record.expectedBytes, record.actor,
                    record.createdAt == null ? null : record.createdAt.toInstant()));
            facts = Map.copyOf(next);
        }
    }

    /** Loads synchronously, for callers on a worker thread that need current facts now. */
    public void reload() {
        // SQL rather than HQL: this runs during start-up, and the first HQL query costs the parser's warm-up (~0.5 s)
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> ImportRecord.getEntityManager()
                .createNativeQuery("select model_uid, expected_bytes, actor, "
                        + "cast(extract(epoch from created_at) * 1000 as bigint) from import_record "
                        + "where status = 'created' and model_uid is not null order by created_at")
                .getResultList());
        Map<String, Fact> next = new HashMap<>();
        // oldest first, so the latest import of a reused uid wins
        rows.forEach(r -> next.put((String) r[0], new Fact(longOrNull(r[1]), (String) r[2],
                r[3] == null ? null : Instant.ofEpochMilli(((Number) r[3]).longValue()))));
        facts = Map.copyOf(next);
        loadedAt = System.nanoTime();
    }

    private static Long longOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private void reloadInBackground() {
        if (loading.compareAndSet(false, true)) {
            Infrastructure.getDefaultWorkerPool().execute(() -> {
                try {
                    reload();
                } finally {
                    loading.set(false);
                }
            });
        }
    }
}
