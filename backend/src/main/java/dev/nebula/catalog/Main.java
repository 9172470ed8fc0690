package dev.nebula.catalog;

import dev.nebula.catalog.auth.KeyMaterial;
import dev.nebula.catalog.db.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Zero-setup entry point. Before Quarkus boots it starts what the environment does not provide:
 * an embedded PostgreSQL when no JDBC URL is configured, and a JWT key pair when none is configured. {@code @QuarkusTest} does not call main,
 * so tests supply their own resources.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        EmbeddedDatabase.startIfNoDatasourceConfigured();
        KeyMaterial.applyIfNotConfigured(EmbeddedDatabase.dataDir().resolve("keys"));
        Quarkus.run(args);
    }
}
