package dev.nebula.catalog.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Keys that every replica must hold alike (the JWT signing pair, so any replica verifies any replica's token, and the
 * session-encryption key, so any replica reads any stored Nebula session) when the operator mounted none and the
 * database is external. They live in the database, in {@code catalog_keys.secret}, created once by the first replica
 * to start: under a PostgreSQL advisory lock, so that replicas starting together wait for that one rather than each
 * writing keys of its own. Runs before Quarkus boots (the security layer reads its keys at start), so it speaks plain
 * JDBC with the datasource settings from the environment. Each replica then writes the keys into its data directory
 * ({@code keys/shared/}) and points the usual settings at them.
 *
 * <p>A key kept beside the data it protects protects nothing from whoever can read that database or a backup of it:
 * with the session key they can decrypt the stored Nebula sessions, and with the signing key mint tokens. Mounted
 * secrets ({@code SMALLRYE_JWT_SIGN_KEY_LOCATION}, {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION},
 * {@code CATALOG_AUTH_SESSION_KEY_FILE}) keep them apart, and the Kubernetes manifests use those.
 */
public final class SharedKeys {

    /** The advisory lock every replica takes while reading or creating the keys ("NCKEYS"). */
    static final long LOCK = 0x4E434B455953L;
    static final String SCHEMA_SQL = "db/shared-keys.sql";
    static final String JWT_PRIVATE = "jwt-private";
    static final String JWT_PUBLIC = "jwt-public";
    static final String SESSION_KEY = "session-key";
    /** How long a replica waits for another one's lock, or for the database to accept it at all. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private SharedKeys() {
    }

    /** PEM texts of the pair and the base64 session key. */
    public record Keys(String jwtPrivate, String jwtPublic, String sessionKey) {
    }

    /** The keys every replica uses, and whether this call was the one that created them. */
    public record Outcome(Keys keys, boolean created) {
    }

    /**
     * Reads the shared keys, first creating the schema and storing {@code firstKeys} when there are none yet. Only one
     * caller at a time gets past the advisory lock, so exactly one of any number of concurrent callers creates them and
     * all of them return the same keys.
     */
    public static Outcome ensure(Connection c, Supplier<Keys> firstKeys) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("SET statement_timeout = " + PATIENCE.toMillis()); // a lock holder that hangs must not hang us
            s.execute("SELECT pg_advisory_lock(" + LOCK + ")");
            try {
                Keys stored = read(c);
                if (stored != null) {
                    return new Outcome(stored, false);
                }
                s.execute(schemaSql());
                Keys fresh = firstKeys.get();
                c.setAutoCommit(false);
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO catalog_keys.secret (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
                    for (Map.Entry<String, String> e : Map.of(JWT_PRIVATE, fresh.jwtPrivate(), JWT_PUBLIC, fresh.jwtPublic(),
                            SESSION_KEY, fresh.sessionKey()).entrySet()) {
                        insert.setString(1, e.getKey());
                        insert.setString(2, e.getValue());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
                Keys created = read(c);
                if (created == null) {
                    throw new IllegalStateException("the shared keys were stored but cannot be read back");
                }
                return new Outcome(created, true);
            } finally {
                s.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
                s.execute("RESET statement_timeout");
            }
        }
    }

    /** The stored keys; null when the table or any key is missing. A half-stored JWT pair is refused outright. */
    static Keys read(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet exists = s.executeQuery("SELECT to_regclass('catalog_keys.secret') IS NOT NULL")) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return null;
            }
        }
        Map<String, String> values = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT name, value FROM catalog_keys.secret")) {
            while (rows.next()) {
                values.put(rows.getString(1), rows.getString(2));
            }
        }
        if (values.containsKey(JWT_PRIVATE) != values.containsKey(JWT_PUBLIC)) {
            throw new IllegalStateException("catalog_keys.secret holds half of a JWT key pair; remove both rows or supply "
                    + "keys of your own");
        }
        return values.containsKey(JWT_PRIVATE) && values.containsKey(SESSION_KEY)
                ? new Keys(values.get(JWT_PRIVATE), values.get(JWT_PUBLIC), values.get(SESSION_KEY)) : null;
    }

    /**
     * Before boot, with an external database: supplies through the database whichever keys the operator did not
     * mount, writing them to {@code keysDir/shared} and pointing the settings at those files.
     */
    public static void applyIfNotConfigured(Path keysDir) {
        boolean jwt = !(KeyMaterial.configured("smallrye.jwt.sign.key.location", "SMALLRYE_JWT_SIGN_KEY_LOCATION")
                && KeyMaterial.configured("mp.jwt.verify.publickey.location", "MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
        boolean session = !KeyMaterial.configured("catalog.auth.session-key-file", "CATALOG_AUTH_SESSION_KEY_FILE");
        if (!jwt && !session) {
            return;
        }
        long started = System.nanoTime();
        Outcome outcome = fetch(() -> KeyMaterial.existingOrNew(keysDir));
        Path dir = keysDir.resolve("shared");
        try {
            if (jwt) {
                KeyMaterial.writeSecret(dir.resolve(KeyMaterial.PRIVATE_FILE), outcome.keys().jwtPrivate());
                KeyMaterial.writeSecret(dir.resolve(KeyMaterial.PUBLIC_FILE), outcome.keys().jwtPublic());
                System.setProperty("smallrye.jwt.sign.key.location", dir.resolve(KeyMaterial.PRIVATE_FILE).toAbsolutePath().toUri().toString());
                System.setProperty("mp.jwt.verify.publickey.location", dir.resolve(KeyMaterial.PUBLIC_FILE).toAbsolutePath().toUri().toString());
            }
            if (session) {
                KeyMaterial.writeSecret(dir.resolve(KeyMaterial.SESSION_KEY_FILE), outcome.keys().sessionKey());
                System.setProperty("catalog.auth.session-key-file", dir.resolve(KeyMaterial.SESSION_KEY_FILE).toAbsolutePath().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the shared keys into " + dir.toAbsolutePath(), e);
        }
        System.out.println((jwt && session ? "JWT keys and the session key" : jwt ? "JWT keys" : "The session key")
                + " come from the database (" + (outcome.created() ? "created now by this replica" : "created earlier")
                + ", " + (System.nanoTime() - started) / 1_000_000 + " ms), shared by every replica; mounted secrets are "
                + "preferable, see docs/deployment.md");
    }

    /** Connects with the datasource settings, waiting up to {@link #PATIENCE} for a database that is still starting. */
    private static Outcome fetch(Supplier<Keys> firstKeys) {
        String url = setting("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL", null);
        Properties props = new Properties();
        props.setProperty("user", setting("quarkus.datasource.username", "QUARKUS_DATASOURCE_USERNAME", "postgres"));
        String password = setting("quarkus.datasource.password", "QUARKUS_DATASOURCE_PASSWORD", null);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");
        props.setProperty("ApplicationName", "nebula-catalog-keys");
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            // the driver itself, not DriverManager: that would first load every JDBC driver on the class path
            try (Connection c = new org.postgresql.Driver().connect(url, props)) {
                if (c == null) {
                    throw new IllegalStateException("not a PostgreSQL JDBC URL: " + url);
                }
                return ensure(c, firstKeys);
            } catch (SQLException e) {
                boolean unreachable = e.getSQLState() != null && e.getSQLState().startsWith("08");
                if (System.nanoTime() > deadline || !unreachable) {
                    throw new IllegalStateException("cannot read the shared keys from the database: " + e.getMessage(), e);
                }
                System.out.println("The database does not answer yet (" + e.getMessage() + "); trying again for the shared keys");
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the database", interrupted);
                }
            }
        }
    }

    private static String schemaSql() {
        try (InputStream in = SharedKeys.class.getClassLoader().getResourceAsStream(SCHEMA_SQL)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_SQL + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
