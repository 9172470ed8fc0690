package dev.nebula.catalog.search;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hub budgets every replica shares: the same token buckets as {@link HubQuota}'s in-memory ones (capacity a
 * quarter of the per-minute rate, refilled continuously), kept in PostgreSQL ({@code hub_budget}) so that N replicas
 * behind a load balancer let a user reach the hubs as often as one replica would, not N times as often. One statement
 * refills and takes atomically: the row lock of {@code ON CONFLICT DO UPDATE} orders concurrent takers, whichever
 * replica they are on. Blocking; only for requests that will call a hub.
 */
@ApplicationScoped
public class SharedHubBudgets {

    /** A bucket idle this long is full again; its row can go. */
    static final Duration IDLE = Duration.ofMinutes(10);

    // Each SET expression reads the row as it was before the statement. Elapsed time is never negative: a transaction
    // that started earlier may take the lock after one that started later.
    private static final String LEVEL = "least(?, b.tokens + greatest(0, extract(epoch FROM now() - b.updated_at)) * ?)";
    private static final String TAKE = "INSERT INTO hub_budget AS b (bucket, tokens, granted, updated_at) "
            + "VALUES (?, ? - 1, true, now()) ON CONFLICT (bucket) DO UPDATE SET "
            + "granted = " + LEVEL + " >= 1, "
            + "tokens = " + LEVEL + " - CASE WHEN " + LEVEL + " >= 1 THEN 1 ELSE 0 END, "
            + "updated_at = greatest(b.updated_at, now()) "
            + "RETURNING granted, tokens";

    @Inject
    AgroalDataSource dataSource;

    private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());

    /** Takes one request from {@code bucket}: 0 when granted, else the nanoseconds until one will be there. */
    public long take(String bucket, int perMinute) {
        double capacity = HubQuota.Bucket.capacity(perMinute);
        double perSecond = perMinute / 60.0;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(TAKE)) {
            int i = 1;
            s.setString(i++, bucket);
            s.setDouble(i++, capacity);
            for (int n = 0; n < 3; n++) {
                s.setDouble(i++, capacity);
                s.setDouble(i++, perSecond);
            }
            long wait;
            try (ResultSet r = s.executeQuery()) {
                r.next();
                wait = r.getBoolean(1) ? 0 : (long) Math.ceil((1 - r.getDouble(2)) / perSecond * 1e9);
            }
            sweepNowAndThen(c);
            return wait;
        } catch (SQLException e) {
            throw new IllegalStateException("hub budget unavailable: " + e.getMessage(), e);
        }
    }

    /** At most once a minute per replica, rows of buckets idle past {@link #IDLE} go: they would be full anyway. */
    private void sweepNowAndThen(Connection c) throws SQLException {
        long last = lastSweep.get();
        if (System.nanoTime() - last < Duration.ofMinutes(1).toNanos() || !lastSweep.compareAndSet(last, System.nanoTime())) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM hub_budget WHERE updated_at < now() - interval '" + IDLE.toMinutes() + " minutes'");
        }
    }
}
