package dev.nebula.catalog.inventory;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps what was observed about models in PostgreSQL so that a failure reason outlives Nebula's 30 s record
 * and a restart of this service. Polling sees the same condition again and again: a key seen within
 * {@link #WINDOW} only moves {@code last_seen_at}, and at most once per {@link #TOUCH_EVERY}, so a list refreshed
 * every second does not write every second. Blocking; call from a worker thread. A database failure never fails
 * the list: the observation is logged and retried on the next poll.
 */
@ApplicationScoped
public class Observations {

    static final Duration WINDOW = Duration.ofMinutes(10);
    static final Duration TOUCH_EVERY = Duration.ofSeconds(60);
    static final int KEEP_PER_MODEL = 50;

    /** An observation as the inventory reads it. */
    public record Seen(long id, String uid, String kind, String nodeId, Long replicaId, String summary,
                       Instant occurredAt, Instant firstSeenAt, Instant lastSeenAt) {
    }

    private record Touch(long id, Instant lastSeen, Instant lastWritten) {
    }

    private final Map<String, Touch> byKey = new ConcurrentHashMap<>();
    private final Map<String, List<Seen>> byUid = new ConcurrentHashMap<>();

    public void observe(String uid, String modelName, String kind, String nodeId, Long replicaId, String summary,
                        Instant occurredAt, String key) {
        Instant now = Instant.now();
        try {
            Touch touch = byKey.computeIfAbsent(key, k -> loadTouch(k));
            if (touch != null && touch.lastSeen().isAfter(now.minus(WINDOW))) {
                if (touch.lastWritten().isBefore(now.minus(TOUCH_EVERY))) {
                    QuarkusTransaction.requiringNew().run(() ->
                            ModelObservation.update("lastSeenAt = ?1 where id = ?2", odt(now), touch.id()));
                    byKey.put(key, new Touch(touch.id(), now, now));
                    byUid.remove(uid);
                } else {
                    byKey.put(key, new Touch(touch.id(), now, touch.lastWritten()));
                }
                return;
            }
            long id = QuarkusTransaction.requiringNew().call(() -> {
                ModelObservation o = new ModelObservation();
                o.modelUid = uid;
                o.modelName = modelName;
                o.kind = kind;
                o.nodeId = nodeId;
                o.replicaId = replicaId;
                o.summary = summary.length() > 1024 ? summary.substring(0, 1024) : summary;
                o.occurredAt = odt(occurredAt);
                o.firstSeenAt = odt(now);
                o.lastSeenAt = odt(now);
                o.dedupeKey = key.length() > 700 ? key.substring(0, 700) : key;
                o.persist();
                return o.id;
            });
            byKey.put(key, new Touch(id, now, now));
            byUid.remove(uid);
        } catch (RuntimeException e) {
            byKey.remove(key);
            Log.warnf(e, "could not record observation %s for %s; will retry on the next poll", kind, uid);
        }
    }

    /** The model's observations, newest first (cached; reloaded after each write for that model). */
    public List<Seen> recent(String uid) {
        try {
            return byUid.computeIfAbsent(uid, u -> QuarkusTransaction.requiringNew().call(() ->
                    ModelObservation.timeline(u, KEEP_PER_MODEL).stream().map(Observations::seen).toList()));
        } catch (RuntimeException e) {
            Log.warnf(e, "could not read observations of %s", uid);
            return List.of();
        }
    }

    /** The latest observation of one of the kinds that happened at or after {@code since}. */
    public Seen latest(String uid, Instant since, String... kinds) {
        List<Seen> matching = new ArrayList<>();
        for (Seen s : recent(uid)) {
            for (String k : kinds) {
                if (k.equals(s.kind()) && (since == null || !s.occurredAt().isBefore(since))) {
                    matching.add(s);
                }
            }
        }
        return matching.stream().max(Comparator.comparing(Seen::occurredAt)).orElse(null);
    }

    private static Touch loadTouch(String key) {
        ModelObservation o = QuarkusTransaction.requiringNew().call(() -> ModelObservation.latestByKey(key));
        return o == null ? null : new Touch(o.id, o.lastSeenAt.toInstant(), o.lastSeenAt.toInstant());
    }

    private static Seen seen(ModelObservation o) {
        return new Seen(o.id, o.modelUid, o.kind, o.nodeId, o.replicaId, o.summary, o.occurredAt.toInstant(),
                o.firstSeenAt.toInstant(), o.lastSeenAt.toInstant());
    }

    private static OffsetDateTime odt(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
