package dev.nebula.catalog.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts a real PostgreSQL from the zonky binaries when the operator configured none, so the product runs with
 * no setup. Data persists in {@code <data dir>/postgres} across restarts. As root, zonky runs the server under
 * {@code unshare -U} because PostgreSQL refuses to run as root.
 */
public final class EmbeddedDatabase {

    private static EmbeddedPostgres server;

    private EmbeddedDatabase() {
    }

    public static synchronized void startIfNoDatasourceConfigured() {
        if (server != null || datasourceConfigured() || "false".equals(System.getProperty("catalog.embedded-db"))) {
            return;
        }
        Path dir = dataDir().resolve("postgres");
        try {
            Files.createDirectories(dir);
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(Integer.parseInt(setting("catalog.embedded-db.port", "NEBULA_CATALOG_DB_PORT", "54329")))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + dir.toAbsolutePath(), e);
        }
        System.setProperty("quarkus.datasource.jdbc.url", server.getJdbcUrl("postgres", "postgres"));
        System.setProperty("quarkus.datasource.username", "postgres");
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stop, "embedded-pg-stop"));
        System.out.println("Embedded PostgreSQL running on port " + server.getPort() + ", data in " + dir.toAbsolutePath());
    }

    /** The product's local state directory ({@code NEBULA_CATALOG_DATA_DIR}, default {@code ./data}). */
    public static Path dataDir() {
        return Path.of(setting("catalog.data-dir", "NEBULA_CATALOG_DATA_DIR", "data"));
    }

    private static boolean datasourceConfigured() {
        return notBlank(System.getProperty("quarkus.datasource.jdbc.url"))
                || notBlank(System.getenv("QUARKUS_DATASOURCE_JDBC_URL"));
    }

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
