package dev.nebula.catalog.auth;

import dev.nebula.catalog.cache.BoundedCache;
import dev.nebula.catalog.web.DatabaseFailures;
import dev.nebula.catalog.replicas.ReplicaNotice;
import dev.nebula.catalog.replicas.ReplicaNotices;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The sessions behind issued tokens. Reads are served from a short-lived in-memory copy so that checking a token
 * costs no database round trip on every request; a logout on this replica takes effect at once, one on another
 * replica as soon as its notice arrives ({@link #onOtherReplica}), and within {@link #FRESHNESS} should it be lost. While the database cannot be reached, a session known before keeps its last
 * answer (until its own expiry), so an outage does not sign out everyone who was signed in. The copies are a
 * {@link BoundedCache}: at most {@link #MAX_SESSIONS}, each dropped after {@link #FORGET_IDLE_AFTER} unused.
 */
@ApplicationScoped
public class SessionRegistry {

    static final Duration FRESHNESS = Duration.ofSeconds(15);
    /**
     * A copy nobody has used for this long is dropped (its token's next request reads the database again); the bound
     * on entries keeps a flood of sign-ins from growing memory. Both only cost a database read, never correctness.
     */
    static final Duration FORGET_IDLE_AFTER = Duration.ofHours(1);
    static final int MAX_SESSIONS = 100_000;

    @Inject
    TokenCipher cipher;

    @Inject
    ReplicaNotices notices;

    private final BoundedCache<String, Cached> cache = BoundedCache.expiringWhenIdle(MAX_SESSIONS, FORGET_IDLE_AFTER);

    /** An active session's facts, with the Nebula token decrypted. */
    public record ActiveSession(String jti, String username, String role, String nebulaToken, OffsetDateTime expiresAt) {
    }

    private record Cached(Optional<ActiveSession> session, long loadedAtNanos) {
    }

    public void store(UserSession session, String nebulaToken) {
        session.nebulaToken = cipher.encrypt(nebulaToken);
        QuarkusTransaction.requiringNew().run(session::persist);
        cache.put(session.jti, new Cached(Optional.of(new ActiveSession(session.jti, session.username, session.role,
                nebulaToken, session.expiresAt)), System.nanoTime()));
    }

    /** The active session behind a token id, or empty when unknown, expired or revoked. Blocking. */
    public Optional<ActiveSession> find(String jti) {
        Cached cached = cache.getIfPresent(jti);
        if (cached != null && System.nanoTime() - cached.loadedAtNanos < FRESHNESS.toNanos()) {
            return cached.session.filter(s -> s.expiresAt.isAfter(now()));
        }
        Optional<ActiveSession> loaded;
        try {
            loaded = load(jti);
        } catch (RuntimeException failure) {
            if (cached == null || !DatabaseFailures.isUnreachable(failure)) {
                throw failure;
            }
            // The database is down: nothing can end a session while it is (a logout writes to it), so the last answer
            // still holds. Keep it for another FRESHNESS rather than failing every signed-in read of the outage.
            cache.put(jti, new Cached(cached.session, System.nanoTime()));
            return cached.session.filter(s -> s.expiresAt.isAfter(now()));
        }
        cache.put(jti, new Cached(loaded, System.nanoTime()));
        return loaded;
    }

    private Optional<ActiveSession> load(String jti) {
        return QuarkusTransaction.requiringNew().call(() -> {
            UserSession row = UserSession.findById(jti);
            return row != null && row.activeAt(now())
                    ? Optional.of(new ActiveSession(row.jti, row.username, row.role, cipher.decrypt(row.nebulaToken), row.expiresAt))
                    : Optional.<ActiveSession>empty();
        });
    }

    /**
     * What is known about the id without asking the database (the fast path for every request): empty when nothing
     * fresh is cached, else the active session or, for an ended one, an empty inner value.
     */
    public Optional<Optional<ActiveSession>> cached(String jti) {
        Cached cached = cache.getIfPresent(jti);
        if (cached == null || System.nanoTime() - cached.loadedAtNanos >= FRESHNESS.toNanos()) {
            return Optional.empty();
        }
        return Optional.of(cached.session.filter(s -> s.expiresAt.isAfter(now())));
    }

    /**
     * Live sessions other than those in {@code exclude}, {@code preferred}'s first, newest first, at most
     * {@code limit}: whom a shared read may ask Nebula as when the caller's own session has ended, and what
     * background work (resolving an import after a restart) reads Nebula with. Blocking.
     */
    public List<ActiveSession> liveSessions(String preferred, java.util.Set<String> exclude, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> UserSession.<UserSession>find(
                        "revokedAt is null and expiresAt > ?1 and jti not in ?3 "
                                + "order by case when username = ?2 then 0 else 1 end, issuedAt desc",
                        now(), preferred == null ? "" : preferred, exclude.isEmpty() ? java.util.Set.of("") : exclude)
                .page(0, limit).list().stream()
                .map(row -> new ActiveSession(row.jti, row.username, row.role, cipher.decrypt(row.nebulaToken), row.expiresAt))
                .toList());
    }

    public void revoke(String jti) {
        QuarkusTransaction.requiringNew().run(() ->
                UserSession.update("revokedAt = ?1 where jti = ?2 and revokedAt is null", now(), jti));
        cache.put(jti, new Cached(Optional.empty(), System.nanoTime()));
        notices.publish(ReplicaNotice.Topic.SESSION, jti);
    }

    /**
     * Another replica ended a session: forget what this one knows of it, so the token's next request reads the
     * revocation from the database instead of trusting the copy for up to {@link #FRESHNESS}. After missed notices
     * every copy is due for a reload, but is kept as the answer to fall back on should the database be unreachable.
     */
    void onOtherReplica(@Observes ReplicaNotice notice) {
        if (notice.topic() == ReplicaNotice.Topic.SESSION) {
            cache.invalidate(notice.subject());
        } else if (notice.topic() == ReplicaNotice.Topic.RESYNC) {
            cache.replaceAll((jti, c) -> new Cached(c.session, System.nanoTime() - FRESHNESS.toNanos()));
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
