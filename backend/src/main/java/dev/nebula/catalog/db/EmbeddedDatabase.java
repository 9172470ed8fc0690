package dev.nebula.catalog.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Starts a real PostgreSQL from the zonky binaries when the operator configured none, so the product runs with
 * no setup. Data persists in {@code <data dir>/postgres} across restarts. As root, zonky runs the server under
 * {@code unshare -U} because PostgreSQL refuses to run as root.
 */
public final class EmbeddedDatabase {

    /** Beside the PostgreSQL data directory (which initdb needs empty). */
    static final String STATE_FILE = "embedded-db.properties";
    /** In the keys directory, beside the JWT keys. */
    static final String PASSWORD_FILE = "db-password";

    private static EmbeddedPostgres server;

    private EmbeddedDatabase() {
    }

    public static synchronized void startIfNoDatasourceConfigured() {
        if (server != null || externalConfigured() || "false".equals(System.getProperty("catalog.embedded-db"))) {
            return;
        }
        Path dir = dataDir().resolve("postgres");
        Path stateFile = dataDir().resolve(STATE_FILE);
        Properties state = load(stateFile);
        int port = port(state);
        String password = password(dataDir().resolve("keys").resolve(PASSWORD_FILE));
        try {
            Files.createDirectories(dir);
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // zonky's 10 s default is too short for a first start on a slow or loaded machine
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // a fresh cluster is created with password authentication only (initdb --auth, --pwfile)
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", dataDir().resolve("keys").resolve(PASSWORD_FILE).toAbsolutePath().toString())
                    .setConnectConfig("password", password)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + dir.toAbsolutePath(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stop, "embedded-pg-stop"));
        verifyItIsOurs(state, stateFile, dir);
        requirePasswords(dir, password);
        System.setProperty("quarkus.datasource.jdbc.url", server.getJdbcUrl("postgres", "postgres"));
        System.setProperty("quarkus.datasource.username", "postgres");
        System.setProperty("quarkus.datasource.password", password);
        System.out.println("Embedded PostgreSQL running on port " + server.getPort() + ", data in " + dir.toAbsolutePath());
    }

    /**
     * The port: {@code NEBULA_CATALOG_DB_PORT} if set (and then it must be free), else the one remembered in the data
     * directory, else a free one, remembered. A fixed default port let a second instance attach to the first one's
     * database: its own server failed to bind, and the connection check then succeeded against the other server.
     */
    private static int port(Properties state) {
        String explicit = setting("catalog.embedded-db.port", "NEBULA_CATALOG_DB_PORT", null);
        if (explicit != null) {
            int port = Integer.parseInt(explicit.trim());
            if (!free(port)) {
                throw new IllegalStateException("NEBULA_CATALOG_DB_PORT=" + port + " is in use by another process; the "
                        + "embedded database never shares a port. Choose a free port, or unset it to let the service pick one.");
            }
            return port;
        }
        String remembered = state.getProperty("port");
        if (remembered != null && free(Integer.parseInt(remembered))) {
            return Integer.parseInt(remembered);
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the embedded database", e);
        }
    }

    /**
     * The server answering on the port must be the cluster initialised in this data directory: its system identifier
     * (fixed at initdb) is remembered at first start and compared at every later one.
     */
    private static void verifyItIsOurs(Properties state, Path stateFile, Path dir) {
        String id;
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT system_identifier FROM pg_control_system()")) {
            rs.next();
            id = rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not identify the embedded database: " + e.getMessage(), e);
        }
        String expected = state.getProperty("system-identifier");
        if (expected != null && !expected.equals(id)) {
            int port = server.getPort();
            stop();
            throw new IllegalStateException("The database on port " + port + " is not the one initialised in "
                    + dir.toAbsolutePath() + " (system identifier " + id + ", expected " + expected + "); refusing to use it.");
        }
        state.setProperty("system-identifier", id);
        state.setProperty("port", Integer.toString(server.getPort()));
        try (var out = Files.newBufferedWriter(stateFile)) {
            state.store(out, "The embedded PostgreSQL of this data directory: where it listens and who it is");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + stateFile, e);
        }
    }

    /** The database password, generated at first start into the keys directory, readable by this user only. */
    private static String password(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[24];
            new java.security.SecureRandom().nextBytes(random);
            String password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(file, password + "\n");
            try {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on file systems without POSIX permissions
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the database password in " + file, e);
        }
    }

    /**
     * No trust lines: every connection, local or TCP, must give the password. Clusters initialised before this rule
     * (zonky's initdb trusts everyone local, so any OS account could rewrite the audit trail) are converted here:
     * the password is set, pg_hba.conf rewritten, and the configuration reloaded.
     */
    private static void requirePasswords(Path dir, String password) {
        Path hba = dir.resolve("pg_hba.conf");
        try {
            if (!Files.readString(hba).matches("(?s).*^\\s*(local|host)\\S*\\s.*\\btrust\\b.*")) {
                return;
            }
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("ALTER USER postgres WITH PASSWORD '" + password.replace("'", "''") + "'");
                Files.writeString(hba, """
                        # Written by Nebula Model Catalog: password (SCRAM) authentication only, never trust.
                        local all all scram-sha-256
                        host  all all 127.0.0.1/32 scram-sha-256
                        host  all all ::1/128 scram-sha-256
                        """);
                st.execute("SELECT pg_reload_conf()");
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not require passwords on the embedded database: " + e.getMessage(), e);
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (var in = Files.newBufferedReader(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file, e);
            }
        }
        return p;
    }

    /** The product's local state directory ({@code NEBULA_CATALOG_DATA_DIR}, default {@code ./data}). */
    public static Path dataDir() {
        return Path.of(setting("catalog.data-dir", "NEBULA_CATALOG_DATA_DIR", "data"));
    }

    /** Whether the operator named a database of their own (before {@link #startIfNoDatasourceConfigured} sets one). */
    public static boolean externalConfigured() {
        return notBlank(System.getProperty("quarkus.datasource.jdbc.url"))
                || notBlank(System.getenv("QUARKUS_DATASOURCE_JDBC_URL"));
    }

    /** A system property, else an environment variable, else {@code fallback} (which may be null). */
    static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (!notBlank(value)) {
            value = System.getenv(env);
        }
        return notBlank(value) ? value : fallback;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // the JVM is going down; nothing useful to do with the failure
            }
            server = null;
        }
    }
}
