package dev.nebula.catalog.auth;

import dev.nebula.catalog.support.Database;
import dev.nebula.catalog.support.Eventually;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replicas on one external database with no mounted keys: each reads the keys from the database, and the first one
 * to start creates them. "Replicas" here are separate connections running the code each replica runs before boot,
 * against the suite's real PostgreSQL.
 */
@QuarkusTest
class SharedKeysTest {

    @BeforeEach
    void noKeysYet() throws SQLException {
        Database.execute("DROP SCHEMA IF EXISTS catalog_keys CASCADE");
    }

    @Test
    void replicasStartingTogetherGetOneCreatorAndTheSameKeys() throws Exception {
        int replicas = 5;
        AtomicInteger generated = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        List<Future<SharedKeys.Outcome>> outcomes = new ArrayList<>();
        try (Connection first = Database.connect(); Statement holder = first.createStatement()) {
            // Another replica is in the middle of creating them: every replica that starts now must wait for it.
            holder.execute("SELECT pg_advisory_lock(" + SharedKeys.LOCK + ")");
            for (int i = 0; i < replicas; i++) {
                Path ownDir = Files.createTempDirectory("replica-keys");
                outcomes.add(pool.submit(() -> {
                    try (Connection c = Database.connect()) {
                        return SharedKeys.ensure(c, () -> {
                            generated.incrementAndGet();
                            return KeyMaterial.existingOrNew(ownDir);
                        });
                    }
                }));
            }
            Eventually.value(Duration.ofSeconds(30), () -> waitingForTheLock(first), waiting -> waiting >= replicas);
            assertEquals(replicas, waitingForTheLock(first), "every replica waits for the lock");
            holder.execute("SELECT pg_advisory_unlock(" + SharedKeys.LOCK + ")");

            List<SharedKeys.Keys> keys = new ArrayList<>();
            int creators = 0;
            for (Future<SharedKeys.Outcome> f : outcomes) {
                SharedKeys.Outcome o = f.get(60, TimeUnit.SECONDS);
                keys.add(o.keys());
                creators += o.created() ? 1 : 0;
            }
            assertEquals(1, creators, "one replica created the keys");
            assertEquals(1, generated.get(), "and only that one generated any");
            assertEquals(1, Set.copyOf(keys).size(), "every replica holds the same keys");

            // Any replica verifies any replica's token, and reads any replica's stored session.
            SharedKeys.Keys a = keys.get(0);
            SharedKeys.Keys b = keys.get(replicas - 1);
            String token = Jwt.issuer("nebula-model-catalog").subject("operator").sign(KeyUtils.decodePrivateKey(a.jwtPrivate()));
            JsonWebToken verified = new DefaultJWTParser().verify(token, KeyUtils.decodePublicKey(b.jwtPublic()));
            assertEquals("operator", verified.getSubject());
            assertEquals("nebula-session-token",
                    new TokenCipher(b.sessionKey()).decrypt(new TokenCipher(a.sessionKey()).encrypt("nebula-session-token")));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSingleInstanceThatGrowsReplicasKeepsItsKeys() throws Exception {
        // an instance that ran alone on this database generated keys into its data directory
        Path alone = Files.createTempDirectory("single-instance");
        KeyMaterial.ensure(alone);
        String signing = Files.readString(alone.resolve(KeyMaterial.PRIVATE_FILE));
        String session = Files.readString(alone.resolve(KeyMaterial.SESSION_KEY_FILE)).trim();

        SharedKeys.Outcome upgraded;
        try (Connection c = Database.connect()) {
            upgraded = SharedKeys.ensure(c, () -> KeyMaterial.existingOrNew(alone));
        }
        assertTrue(upgraded.created());
        assertEquals(signing, upgraded.keys().jwtPrivate(), "its tokens stay valid");
        assertEquals(session, upgraded.keys().sessionKey(), "its stored Nebula sessions stay readable");

        // a new replica with keys of its own in its data directory gets the shared ones
        Path other = Files.createTempDirectory("new-replica");
        KeyMaterial.ensure(other);
        SharedKeys.Outcome joined;
        try (Connection c = Database.connect()) {
            joined = SharedKeys.ensure(c, () -> KeyMaterial.existingOrNew(other));
        }
        assertFalse(joined.created());
        assertEquals(upgraded.keys(), joined.keys());
        assertNotEquals(signing, Files.readString(other.resolve(KeyMaterial.PRIVATE_FILE)));
    }

    private static int waitingForTheLock(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")) {
            r.next();
            return r.getInt(1);
        }
    }
}
