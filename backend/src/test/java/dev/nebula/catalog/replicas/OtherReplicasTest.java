package dev.nebula.catalog.replicas;

import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.Database;
import dev.nebula.catalog.support.Eventually;
import dev.nebula.catalog.support.SimModels;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What another replica does reaches this one through the shared database: its NOTIFY after an import, a delete or a
 * logout. Here the other replica is this test, speaking the same wire format on the same database. Block A is held for
 * an hour and sessions for the usual 15 s, so nothing here becomes visible by aging out within the test's polls.
 */
@QuarkusTest
@TestProfile(OtherReplicasTest.HeldSnapshot.class)
class OtherReplicasTest {

    public static class HeldSnapshot implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("catalog.inventory.fresh-for", "1h", "catalog.inventory.revalidate-for", "1h");
        }
    }

    /** Well inside the 15 s session cache and the hour-long snapshot: only a notice can explain a change this soon. */
    static final Duration PATIENCE = Duration.ofSeconds(5);

    @Test
    void anImportOnAnotherReplicaShowsInBlockAAtOnce() throws Exception {
        String uid = SimModels.unique("other-replica-import");
        assertFalse(listed(uid)); // builds this replica's snapshot
        try {
            SimModels.create(uid, "Qwen/Qwen2.5-0.5B-Instruct", false, null); // the other replica's import reaches Nebula
            assertFalse(listed(uid), "without a notice the held snapshot does not show it");

            assertTrue(eventually(() -> {
                notifyAsOtherReplica("inventory " + uid);
                return listed(uid);
            }), "the other replica's notice refreshes block A here");
        } finally {
            SimModels.delete(uid);
        }
    }

    @Test
    void aLogoutOnAnotherReplicaEndsTheSessionHereBeforeTheCacheAgesOut() throws Exception {
        String token = Tokens.login("viewer", "viewer123");
        me(token, 200); // this replica now holds the session for 15 s
        String jti = jti(token);
        try (Connection c = Database.connect();
             PreparedStatement s = c.prepareStatement("UPDATE user_session SET revoked_at = now() WHERE jti = ?")) {
            s.setString(1, jti); // the other replica's logout
            assertEquals(1, s.executeUpdate());
        }
        me(token, 200); // still the cached answer: the database alone does not reach this replica yet

        assertTrue(eventually(() -> {
            notifyAsOtherReplica("session " + jti);
            return status(token) == 401;
        }), "the other replica's notice ends the session here");
    }

    @Test
    void afterLosingItsConnectionTheListenerComesBackAndCatchesUp() throws Exception {
        String missed = SimModels.unique("other-replica-missed");
        String later = SimModels.unique("other-replica-later");
        assertFalse(listed(missed));
        try {
            // as a database restart would; the listener may still be opening its connection right after start-up
            assertTrue(eventually(() -> terminateListener() >= 1), "the listener has a connection of its own");
            // imported elsewhere while this replica could not hear it: no notice will ever say so
            SimModels.create(missed, "Qwen/Qwen2.5-0.5B-Instruct", false, null);

            // back on its own, it treats block A as stale, so the missed import shows without any further notice
            assertTrue(eventually(() -> listed(missed)), "the listener reconnected and caught up");
            SimModels.create(later, "Qwen/Qwen2.5-0.5B-Instruct", false, null);
            assertTrue(eventually(() -> {
                notifyAsOtherReplica("inventory " + later);
                return listed(later);
            }), "notices are heard again");
        } finally {
            SimModels.delete(missed);
            SimModels.delete(later);
        }
    }

    /**
     * After a database restart the listener fires a resync to this replica's caches; one of them, still holding a
     * pooled connection the restart broke, failed, and the failure ended the LISTEN connection that had just come
     * back, again on every retry: the replica stopped hearing the others.
     */
    @Test
    void aCacheThatFailsToCatchUpNeverCostsTheListening() throws Exception {
        String later = SimModels.unique("other-replica-after-failed-resync");
        FailingResync.on = true;
        try {
            assertTrue(eventually(() -> terminateListener() >= 1), "the listener has a connection of its own");
            assertTrue(eventually(() -> FailingResync.failures > 0), "the resync after reconnecting was attempted");
            SimModels.create(later, "Qwen/Qwen2.5-0.5B-Instruct", false, null);
            assertTrue(eventually(() -> {
                notifyAsOtherReplica("inventory " + later);
                return listed(later);
            }), "notices are heard although a cache failed to catch up");
            // one reconnection, one catch-up: the failure did not end the connection and start another round
            assertEquals(1, FailingResync.failures, "catch-ups attempted (one per reconnection)");
        } finally {
            FailingResync.on = false;
            SimModels.delete(later);
        }
    }

    /** A cache whose catch-up fails while {@link #on}. */
    @jakarta.enterprise.context.ApplicationScoped
    static class FailingResync {
        static volatile boolean on;
        static volatile int failures;

        void onNotice(@jakarta.enterprise.event.Observes ReplicaNotice notice) {
            if (on && notice.topic() == ReplicaNotice.Topic.RESYNC) {
                failures++;
                throw new IllegalStateException("This connection has been closed.");
            }
        }
    }

    private boolean listed(String uid) {
        List<String> uids = given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer())
                .when().get("/api/v2/catalog/models?q=" + uid).then().statusCode(200)
                .extract().jsonPath().getList("items.model_uid");
        return uids.contains(uid);
    }

    private static void me(String token, int expected) {
        assertEquals(expected, status(token));
    }

    private static int status(String token) {
        return given().filter(Contract.FILTER).auth().oauth2(token).when().get("/api/v2/catalog/auth/me")
                .then().extract().statusCode();
    }

    private void notifyAsOtherReplica(String topicAndSubject) {
        try (Connection c = Database.connect();
             PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            s.setString(1, ReplicaNotices.CHANNEL);
            s.setString(2, "v1 another-replica " + topicAndSubject);
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ends the listener's database connection as a database restart would; returns how many it had. */
    private int terminateListener() {
        try (Connection c = Database.connect();
             PreparedStatement s = c.prepareStatement("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                     + "WHERE application_name = ?")) {
            s.setString(1, NoticeListener.APPLICATION_NAME);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jti(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return io.restassured.path.json.JsonPath.from(payload).getString("jti");
    }

    /** Polls (a notice may be sent before the listener is listening, so callers resend it) up to {@link #PATIENCE}. */
    private static boolean eventually(BooleanSupplier condition) {
        return Eventually.holds(PATIENCE, condition);
    }
}
