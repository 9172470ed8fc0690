package dev.nebula.catalog.replicas;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * Hears the other replicas' {@link ReplicaNotices} and fires them as {@link ReplicaNotice} events in this process.
 *
 * <p>LISTEN needs one connection that stays open, so it is a connection of its own, outside the pool, on a thread of
 * its own. It is opened after start-up and never gates it: readiness is the database alone, and a replica without its
 * listener still serves correct data, only up to a cache lifetime late. When the connection breaks (a database
 * restart, a network cut, a paused server noticed by a ping), it reconnects with backoff from 250 ms to 5 s, and
 * once back fires a {@link ReplicaNotice.Topic#RESYNC}: whatever was sent while it was away is lost, so every cache a
 * notice could have touched is treated as stale.
 */
@ApplicationScoped
public class NoticeListener {

    static final Duration FIRST_RETRY = Duration.ofMillis(250);
    static final Duration LAST_RETRY = Duration.ofSeconds(5);
    /** A silent connection may be a dead one that no packet told us about; a ping every so often finds out. */
    static final Duration PING_EVERY = Duration.ofSeconds(15);
    static final String APPLICATION_NAME = "nebula-catalog-notices";

    @Inject
    Event<ReplicaNotice> events;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    Optional<String> url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private volatile boolean running;
    private volatile boolean listening;
    private volatile Connection current;
    private Thread thread;

    void onStart(@Observes StartupEvent event) {
        if (url.isEmpty()) {
            return;
        }
        metrics.gauge("catalog.replicas.listening", this, l -> l.listening ? 1 : 0);
        running = true;
        thread = new Thread(this::run, "replica-notices");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        closeQuietly(current);
    }

    /** PostgreSQL's "terminating connection due to administrator command" (SQLSTATE 57P01): a shutdown, not a fault. */
    private static boolean isServerShutdown(Exception e) {
        return e instanceof SQLException sql && "57P01".equals(sql.getSQLState());
    }

    /** Whether notices are being heard right now. */
    public boolean listening() {
        return listening;
    }

    private void run() {
        Duration backoff = FIRST_RETRY;
        boolean everConnected = false;
        boolean quietFailure = false;
        while (running) {
            try (Connection c = connect()) {
                current = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + ReplicaNotices.CHANNEL);
                }
                listening = true;
                if (everConnected) {
                    Log.info("listening for the other replicas' changes again; treating caches as stale");
                    apply(ReplicaNotice.resync());
                }
                everConnected = true;
                quietFailure = false;
                backoff = FIRST_RETRY;
                listen(c);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                if (isServerShutdown(e)) {
                    // a stopping server (also the embedded one stopping with this JVM): a warning only if it stays away
                    Log.info("the database closed the listening connection while shutting down; "
                            + "listening again when it answers");
                } else if (!quietFailure) { // one line per outage, not one per retry
                    Log.warnf("not hearing the other replicas' changes (%s); retrying, caches age out meanwhile",
                            e.getMessage());
                    quietFailure = true;
                }
            } finally {
                listening = false;
                current = null;
            }
            if (!sleep(backoff)) {
                break;
            }
            backoff = backoff.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : backoff.multipliedBy(2);
        }
    }

    private void listen(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long lastHeard = System.nanoTime();
        while (running) {
            PGNotification[] notes = pg.getNotifications((int) Duration.ofSeconds(5).toMillis());
            if (notes != null && notes.length > 0) {
                lastHeard = System.nanoTime();
                for (PGNotification n : notes) {
                    dispatch(n.getParameter());
                }
            } else if (System.nanoTime() - lastHeard > PING_EVERY.toNanos()) {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT 1");
                }
                lastHeard = System.nanoTime();
            }
        }
    }

    /** Fires a notice from another replica; this replica's own and malformed ones are ignored. */
    void dispatch(String payload) {
        ReplicaNotice notice = parse(payload);
        if (notice == null) {
            return;
        }
        apply(notice);
    }

    /**
     * Fires a notice to this replica's caches. What an observer fails at (a pooled connection the same database
     * restart broke, say) is that observer's business: it must never end the LISTEN connection that just came back.
     */
    private void apply(ReplicaNotice notice) {
        try {
            events.fire(notice);
        } catch (RuntimeException e) {
            Log.warnf("a replica notice (%s %s) could not be applied: %s", notice.topic(), notice.subject(),
                    e.getMessage());
        }
    }

    static ReplicaNotice parse(String payload) {
        String[] parts = payload == null ? new String[0] : payload.split(" ", 4);
        if (parts.length != 4 || !"v1".equals(parts[0]) || ReplicaNotices.INSTANCE.equals(parts[1])) {
            return null;
        }
        ReplicaNotice.Topic topic = ReplicaNotice.Topic.parse(parts[2]);
        return topic == null ? null : new ReplicaNotice(topic, parts[3]);
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        username.ifPresent(u -> props.setProperty("user", u));
        password.ifPresent(p -> props.setProperty("password", p));
        props.setProperty("ApplicationName", APPLICATION_NAME);
        props.setProperty("connectTimeout", "2");
        // a paused or partitioned server: the ping's read gives up after this, and the loop reconnects
        props.setProperty("socketTimeout", "10");
        props.setProperty("tcpKeepAlive", "true");
        Connection c = DriverManager.getConnection(url.orElseThrow(), props);
        c.setAutoCommit(true);
        return c;
    }

    private boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // going away anyway
            }
        }
    }
}
