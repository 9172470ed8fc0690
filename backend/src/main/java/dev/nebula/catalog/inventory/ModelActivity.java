package dev.nebula.catalog.inventory;

import dev.nebula.catalog.cache.TableMemory;
import dev.nebula.catalog.db.SqlValues;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this service saw of each model beyond Nebula's answer, kept in PostgreSQL (table model_activity) so that it
 * survives a restart: when the model last served, and that it was deleted through the catalog. Read from memory on
 * every snapshot; a model seen serving on every poll is written at most once per {@link #WRITE_EVERY}. Blocking;
 * call from a worker thread. A database failure never fails the list: memory keeps the answer and the write is
 * retried on the next poll.
 */
@ApplicationScoped
public class ModelActivity {

    static final Duration WRITE_EVERY = Duration.ofSeconds(60);
    /** How long the files of a deleted model read "being removed": Nebula's nodes collect garbage within minutes. */
    static final Duration REMOVING_FOR = Duration.ofMinutes(15);
    private static final Duration PRUNE_AFTER = Duration.ofDays(1);

    /** A deletion through the catalog, by model name (the cache join names cache-only files by model id). */
    public record Deletion(String modelUid, String modelName, String source, Instant at) {
    }

    private record Running(Instant seen, Instant written) {
    }

    @Inject
    EntityManager em;

    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final Map<String, Deletion> deletions = new ConcurrentHashMap<>();
    private final TableMemory table = new TableMemory("model activity",
            "SELECT model_uid, model_name, source, last_seen_running, deleted_at FROM model_activity");

    /** The model serves at {@code at} (at least one replica ready). */
    void sawRunning(String uid, String name, Instant at) {
        load();
        Running known = running.get(uid);
        if (known != null && known.written() != null && known.written().isAfter(at.minus(WRITE_EVERY))) {
            running.put(uid, new Running(at, known.written()));
            return;
        }
        running.put(uid, new Running(at, known == null ? null : known.written()));
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    INSERT INTO model_activity (model_uid, model_name, last_seen_running) VALUES (?1, ?2, ?3)
                    ON CONFLICT (model_uid) DO UPDATE SET model_name = excluded.model_name,
                        last_seen_running = excluded.last_seen_running, deleted_at = NULL""")
                    .setParameter(1, uid).setParameter(2, name).setParameter(3, odt(at)).executeUpdate());
            running.put(uid, new Running(at, at));
        } catch (RuntimeException e) {
            Log.warnf("could not record that %s was running (%s); retried on the next poll", uid, e.getMessage());
        }
    }

    /** When the model was last seen serving; empty when never. */
    Optional<Instant> lastSeenRunning(String uid) {
        load();
        return Optional.ofNullable(running.get(uid)).map(Running::seen);
    }

    /** The model was deleted through the catalog (recorded after Nebula accepted the delete). */
    void deleted(String uid, String name, String source) {
        load();
        Instant now = Instant.now();
        running.remove(uid);
        if (name != null) {
            deletions.put(name, new Deletion(uid, name, source, now));
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("""
                        INSERT INTO model_activity (model_uid, model_name, source, deleted_at) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (model_uid) DO UPDATE SET model_name = excluded.model_name,
                            source = excluded.source, deleted_at = excluded.deleted_at, last_seen_running = NULL""")
                        .setParameter(1, uid).setParameter(2, name == null ? uid : name).setParameter(3, source)
                        .setParameter(4, odt(now)).executeUpdate();
                em.createNativeQuery("DELETE FROM model_activity WHERE deleted_at < ?1")
                        .setParameter(1, odt(now.minus(PRUNE_AFTER))).executeUpdate();
            });
        } catch (RuntimeException e) {
            Log.warnf("could not record the deletion of %s (%s); its files read as cache-only after a restart",
                    uid, e.getMessage());
        }
    }

    /** A deletion of {@code modelName} recent enough that its files are still being collected. */
    Optional<Deletion> beingRemoved(String modelName) {
        load();
        Deletion d = deletions.get(modelName);
        return d != null && d.at().isAfter(Instant.now().minus(REMOVING_FOR)) ? Optional.of(d) : Optional.empty();
    }

    private void load() {
        table.loadOnce(em, r -> {
            if (r[3] != null) {
                Instant seen = SqlValues.instant(r[3]);
                running.putIfAbsent((String) r[0], new Running(seen, seen));
            }
            if (r[4] != null) {
                deletions.putIfAbsent((String) r[1], new Deletion((String) r[0], (String) r[1], (String) r[2],
                        SqlValues.instant(r[4])));
            }
        });
    }


    private static OffsetDateTime odt(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
