package dev.nebula.catalog.inventory;

import dev.nebula.catalog.cache.BoundedCache;
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

/**
 * Keeps what was observed about models in PostgreSQL so that a failure reason outlives Nebula's 30 s record
 * and a restart of this service. Polling sees the same condition again and again: a key seen within
 * {@link #WINDOW} only moves {@code last_seen_at}, and at most once per {@link #TOUCH_EVERY}, so a list refreshed
 * every second does not write every second. Blocking; call from a worker thread. A database failure never fails
 * the list: the observation is logged and retried on the next poll. Both memories are {@link BoundedCache}s: what
 * they forget is read from the database again.
 */
@ApplicationScoped
public class Observations {

    static final Duration WINDOW = Duration.ofMinutes(10);
    static final Duration TOUCH_EVERY = Duration.ofSeconds(60);
    static final int KEEP_PER_MODEL = 50;
    /** Conditions remembered at once (each a model, node and replica); the database has the rest. */
    static final int MAX_KEYS = 10_000;
    /** Models whose timelines are held; a timeline is read again after {@link #WINDOW} (another replica may add). */
    static final int MAX_TIMELINES = 2_000;
    private static final int MAX_KEY = 700;
    private static final int MAX_SUMMARY = 1024;

    /** An observation as the inventory reads it; {@code id} 0 until it is stored. */
    public record Seen(long id, String uid, String kind, String nodeId, Long replicaId, String summary,
                       Instant occurredAt, Instant firstSeenAt, Instant lastSeenAt, String key) {
    }

    private record Touch(long id, Instant lastSeen, Instant lastWritten) {
    }

    /** A condition seen after {@link #WINDOW} is a new observation, so a key idle that long can be forgotten. */
    private final BoundedCache<String, Touch> byKey = BoundedCache.expiringWhenIdle(MAX_KEYS, WINDOW);
    private final BoundedCache<String, List<Seen>> byUid = BoundedCache.expiringAfterWrite(MAX_TIMELINES, WINDOW);

    void observe(Observed.Fact fact) {
        String key = stored(fact.key());
        String uid = fact.uid();
        Instant now = Instant.now();
        try {
            Touch touch = byKey.get(key, Observations::loadTouch);
            if (touch != null && touch.lastSeen().isAfter(now.minus(WINDOW))) {
                if (touch.lastWritten().isBefore(now.minus(TOUCH_EVERY))) {
                    QuarkusTransaction.requiringNew().run(() ->
                            ModelObservation.update("lastSeenAt = ?1 where id = ?2", odt(now), touch.id()));
                    byKey.put(key, new Touch(touch.id(), now, now));
                    byUid.invalidate(uid);
                } else {
                    byKey.put(key, new Touch(touch.id(), now, touch.lastWritten()));
                }
                return;
            }
            long id = QuarkusTransaction.requiringNew().call(() -> {
                ModelObservation o = new ModelObservation();
                o.modelUid = uid;
                o.modelName = fact.modelName();
                o.kind = fact.kind();
                o.nodeId = fact.nodeId();
                o.replicaId = fact.replicaId();
                o.summary = fact.summary().length() > MAX_SUMMARY ? fact.summary().substring(0, MAX_SUMMARY) : fact.summary();
                o.occurredAt = odt(fact.occurredAt());
                o.firstSeenAt = odt(now);
                o.lastSeenAt = odt(now);
                o.dedupeKey = key;
                o.persist();
                return o.id;
            });
            byKey.put(key, new Touch(id, now, now));
            byUid.invalidate(uid);
        } catch (RuntimeException e) {
            byKey.invalidate(key);
            Log.warnf(e, "could not record observation %s for %s; will retry on the next poll", fact.kind(), uid);
        }
    }

    /** The model's observations, newest first (cached; reloaded after each write for that model). */
    public List<Seen> recent(String uid) {
        try {
            return byUid.get(uid, u -> QuarkusTransaction.requiringNew().call(() ->
                    ModelObservation.timeline(u, KEEP_PER_MODEL).stream().map(Observations::seen).toList()));
        } catch (RuntimeException e) {
            Log.warnf(e, "could not read observations of %s", uid);
            return List.of();
        }
    }

    /**
     * {@code recorded} (newest first) as it will read once {@code facts} seen at {@code now} are kept: a condition
     * seen again within {@link #WINDOW} only moves its {@code lastSeenAt}, anything else is a new observation. What
     * a refresh decides from its own facts thus matches what the next refresh reads back from the database.
     */
    static List<Seen> merge(List<Seen> recorded, List<Observed.Fact> facts, Instant now) {
        if (facts.isEmpty()) {
            return recorded;
        }
        List<Seen> known = new ArrayList<>(recorded);
        List<Seen> merged = new ArrayList<>();
        for (Observed.Fact f : facts) {
            String key = stored(f.key());
            int same = -1;
            for (int i = 0; i < known.size() && same < 0; i++) {
                Seen s = known.get(i);
                if (key.equals(s.key()) && s.lastSeenAt().isAfter(now.minus(WINDOW))) {
                    same = i;
                }
            }
            if (same >= 0) {
                Seen s = known.get(same);
                known.set(same, new Seen(s.id(), s.uid(), s.kind(), s.nodeId(), s.replicaId(), s.summary(),
                        s.occurredAt(), s.firstSeenAt(), now, s.key()));
            } else {
                merged.add(new Seen(0, f.uid(), f.kind(), f.nodeId(), f.replicaId(), f.summary(), f.occurredAt(),
                        now, now, key));
            }
        }
        merged.addAll(known); // new ones first: among equal times the database lists the newest row first
        merged.sort(Comparator.comparing(Seen::occurredAt).reversed());
        return merged;
    }

    private static String stored(String key) {
        return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
    }

    private static Touch loadTouch(String key) {
        ModelObservation o = QuarkusTransaction.requiringNew().call(() -> ModelObservation.latestByKey(key));
        return o == null ? null : new Touch(o.id, o.lastSeenAt.toInstant(), o.lastSeenAt.toInstant());
    }

    private static Seen seen(ModelObservation o) {
        return new Seen(o.id, o.modelUid, o.kind, o.nodeId, o.replicaId, o.summary, o.occurredAt.toInstant(),
                o.firstSeenAt.toInstant(), o.lastSeenAt.toInstant(), o.dedupeKey);
    }

    private static OffsetDateTime odt(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
