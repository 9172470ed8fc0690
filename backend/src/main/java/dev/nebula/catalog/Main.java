package dev.nebula.catalog;

import dev.nebula.catalog.auth.KeyMaterial;
import dev.nebula.catalog.auth.SharedKeys;
import dev.nebula.catalog.db.EmbeddedDatabase;
import dev.nebula.sim.NebulaSimulator;
import dev.nebula.sim.SimulatorOptions;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Zero-setup entry point. Before Quarkus boots it starts what the environment does not provide: an embedded
 * PostgreSQL when no JDBC URL is configured, a JWT key pair and session key when none is configured (in the data
 * directory, or shared through an external database), and the Nebula simulator
 * (demo scenario) when {@code NEBULA_URL} is unset. {@code @QuarkusTest} does not call main, so tests supply their
 * own resources.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        try {
            // An external database may have other replicas beside this one: keys nobody mounted come from it, alike
            // for all. The embedded one is this machine's alone, and so are keys generated into the data directory.
            boolean external = EmbeddedDatabase.externalConfigured();
            EmbeddedDatabase.startIfNoDatasourceConfigured();
            if (external) {
                SharedKeys.applyIfNotConfigured(EmbeddedDatabase.dataDir().resolve("keys"));
            } else {
                KeyMaterial.applyIfNotConfigured(EmbeddedDatabase.dataDir().resolve("keys"));
            }
        } catch (IllegalStateException e) {
            System.err.println("Not starting: " + e.getMessage());
            System.exit(1);
        }
        startSimulatorIfNoNebula();
        Quarkus.run(args);
    }

    private static void startSimulatorIfNoNebula() {
        String url = System.getenv("NEBULA_URL");
        if ((url != null && !url.isBlank()) || System.getProperty("catalog.nebula.url") != null) {
            return;
        }
        String scenario = System.getenv().getOrDefault("NEBULA_SIM_SCENARIO", "demo");
        NebulaSimulator sim = NebulaSimulator.start(SimulatorOptions.builder().port(0).scenario(scenario).build());
        System.setProperty("catalog.nebula.url", sim.baseUrl());
        System.setProperty("catalog.nebula.simulated", "true");
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "nebula-sim-stop"));
        System.out.println("NEBULA_URL is unset: using the built-in Nebula simulator (scenario " + scenario + ") at "
                + sim.baseUrl() + " (its control API is /_sim/*) — demo accounts admin/admin123, operator/operator123, "
                + "viewer/viewer123");
        // the demo accounts are published: unless told otherwise, only this machine may sign in with them
        if (System.getenv("QUARKUS_HTTP_HOST") == null && System.getProperty("quarkus.http.host") == null) {
            System.setProperty("quarkus.http.host", "127.0.0.1");
            System.out.println("With the simulator the service listens on 127.0.0.1 only; set QUARKUS_HTTP_HOST=0.0.0.0 "
                    + "to expose the demo to other machines.");
        }
    }
}
