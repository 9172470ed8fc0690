package dev.nebula.catalog.nodes;

import dev.nebula.catalog.cache.TableMemory;
import dev.nebula.catalog.db.SqlValues;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Since when each of Nebula's disk alerts holds. Nebula's record only says when it was last written, and it is never
 * deleted, so this remembers the start of each episode (table node_alert): the first time the alert was seen, reset
 * when an alert that had gone stale is written again. Read from memory; the database is written only when an episode
 * starts or ends, and a failed write is retried at the next look, never failing the answer. Blocking.
 */
@ApplicationScoped
public class AlertHistory {

    private record Episode(Instant firstSeen, boolean active, boolean stored) {
    }

    @Inject
    EntityManager em;

    private final Map<String, Episode> episodes = new ConcurrentHashMap<>();
    private final TableMemory table = new TableMemory("alert history",
            "SELECT node_id, alert_type, first_seen_at, active FROM node_alert");

    /**
     * The start of the episode of this alert, last written at {@code lastSeen}; {@code active} when the node's last
     * scan wrote it.
     */
    Instant firstSeen(String node, String type, Instant lastSeen, boolean active) {
        load();
        String key = node + "\n" + type;
        Episode known = episodes.get(key);
        Episode next;
        if (known == null || (active && !known.active())) {
            next = new Episode(lastSeen, active, false); // new, or back after it had gone stale
        } else if (lastSeen.isBefore(known.firstSeen())) {
            next = new Episode(lastSeen, active, false); // an older write than any seen: it held since then at least
        } else {
            next = new Episode(known.firstSeen(), active, known.stored() && known.active() == active);
        }
        episodes.put(key, next);
        if (!next.stored()) {
            store(key, node, type, next);
        }
        return next.firstSeen();
    }

    private void store(String key, String node, String type, Episode e) {
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    INSERT INTO node_alert (node_id, alert_type, first_seen_at, active) VALUES (?1, ?2, ?3, ?4)
                    ON CONFLICT (node_id, alert_type) DO UPDATE SET first_seen_at = excluded.first_seen_at,
                        active = excluded.active""")
                    .setParameter(1, node).setParameter(2, type).setParameter(3, e.firstSeen().atOffset(ZoneOffset.UTC))
                    .setParameter(4, e.active()).executeUpdate());
            episodes.computeIfPresent(key, (k, now) -> now.equals(e) ? new Episode(e.firstSeen(), e.active(), true) : now);
        } catch (RuntimeException ex) {
            Log.warnf("could not record alert %s on %s (%s); retried at the next look", type, node, ex.getMessage());
        }
    }

    private void load() {
        table.loadOnce(em, r -> episodes.putIfAbsent(r[0] + "\n" + r[1],
                new Episode(SqlValues.instant(r[2]), (Boolean) r[3], true)));
    }

}
