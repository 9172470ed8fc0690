package dev.nebula.catalog.replicas;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

/**
 * Tells the other replicas what this one changed, through PostgreSQL's NOTIFY on {@link #CHANNEL}: the one database
 * every replica already shares, so no broker is needed. A notice is a hint that a cache is stale, never the data
 * itself; one that is lost (the database down at that moment) costs only freshness, as each replica's caches also age
 * out on their own (block A within 5 s, sessions within 15 s). So publishing never fails the write it follows.
 */
@ApplicationScoped
public class ReplicaNotices {

    /** The channel every replica listens on. */
    public static final String CHANNEL = "nebula_catalog_changes";

    /** Tells this process's notices from the others': the sender has already updated its own caches. */
    static final String INSTANCE = UUID.randomUUID().toString();

    @Inject
    AgroalDataSource dataSource;

    /**
     * Sends {@code subject} under {@code topic} to every other replica. Blocking (one short statement); call it on a
     * worker thread, after the change is done, so a client that reads from another replica next sees it there.
     */
    public void publish(ReplicaNotice.Topic topic, String subject) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            s.setString(1, CHANNEL);
            s.setString(2, payload(INSTANCE, topic, subject));
            s.execute();
        } catch (Exception e) {
            Log.warnf("could not tell the other replicas about %s %s (%s); they catch up within their cache lifetimes",
                    topic.wire(), subject, e.getMessage());
        }
    }

    /** {@code v1 <instance> <topic> <subject>}: fields without spaces first, so the subject may hold anything. */
    static String payload(String instance, ReplicaNotice.Topic topic, String subject) {
        return "v1 " + instance + " " + topic.wire() + " " + subject;
    }
}
