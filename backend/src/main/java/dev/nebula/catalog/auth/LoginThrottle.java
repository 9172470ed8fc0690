package dev.nebula.catalog.auth;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Failed sign-ins in a sliding window, counted per account and per client address, in PostgreSQL so that every
 * replica sees the same attempts. An account past {@link #MAX_PER_ACCOUNT} failures is refused (429) from every
 * address until the window moves on; an address past {@link #MAX_PER_ADDRESS} is refused for every account. The
 * address limit is far above the account limit, so one account guessed at behind a shared proxy or NAT does not lock
 * out its neighbours, and one user's successful sign-in clears only that account's failures: it never opens the
 * door for guesses at another account. Only the first {@link #MAX_AUDITED} failures per account and window reach
 * the audit table. Blocking: call on a worker thread.
 */
@ApplicationScoped
public class LoginThrottle {

    static final Duration WINDOW = Duration.ofMinutes(5);
    static final int MAX_PER_ACCOUNT = 10;
    static final int MAX_PER_ADDRESS = 100;
    static final int MAX_AUDITED = 5;

    @Inject
    EntityManager db;

    /** Seconds until this account may be tried from this address again, or 0 when it may be tried now. */
    public long retryAfterSeconds(String account, String address) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime since = now().minus(WINDOW);
            return Math.max(wait(oldestBeyond("account", account, since, MAX_PER_ACCOUNT)),
                    wait(oldestBeyond("address", key(address), since, MAX_PER_ADDRESS)));
        });
    }

    /** Records a failure; true when it should still be written to the audit table. */
    public boolean recordFailure(String account, String address) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime now = now();
            db.createNativeQuery("DELETE FROM login_failure WHERE failed_at < ?1").setParameter(1, now.minus(WINDOW))
                    .executeUpdate();
            db.createNativeQuery("INSERT INTO login_failure (account, address, failed_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, account).setParameter(2, key(address)).setParameter(3, now).executeUpdate();
            long count = ((Number) db.createNativeQuery("SELECT count(*) FROM login_failure WHERE account = ?1")
                    .setParameter(1, account).getSingleResult()).longValue();
            return count <= MAX_AUDITED;
        });
    }

    /** A correct password for {@code account}: its own failures are forgiven, nobody else's. */
    public void recordSuccess(String account) {
        QuarkusTransaction.requiringNew().run(() -> db.createNativeQuery("DELETE FROM login_failure WHERE account = ?1")
                .setParameter(1, account).executeUpdate());
    }

    /** When the failure that has to age out before one more attempt happened, or null while under the limit. */
    private Instant oldestBeyond(String column, String value, OffsetDateTime since, int limit) {
        List<?> times = db.createNativeQuery("SELECT cast(extract(epoch FROM failed_at) * 1000 AS bigint) FROM "
                        + "login_failure WHERE " + column + " = ?1 AND failed_at >= ?2 ORDER BY failed_at DESC")
                .setParameter(1, value).setParameter(2, since).setFirstResult(limit - 1).setMaxResults(1).getResultList();
        return times.isEmpty() ? null : Instant.ofEpochMilli(((Number) times.get(0)).longValue());
    }

    private static long wait(Instant limiting) {
        if (limiting == null) {
            return 0;
        }
        return Math.max(1, Duration.between(Instant.now(), limiting.plus(WINDOW)).toSeconds() + 1);
    }

    private static String key(String address) {
        return address == null ? "unknown" : address;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
