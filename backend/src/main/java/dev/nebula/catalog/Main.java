package dev.nebula.catalog;

import dev.nebula.catalog.auth.KeyMaterial;
import dev.nebula.catalog.db.EmbeddedDatabase;
import dev.nebula.sim.NebulaSimulator;
import dev.nebula.sim.SimulatorOptions;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Zero-setup entry point. Before Quarkus boots it starts what the environment does not provide: an embedded
 * PostgreSQL when no JDBC URL is configured, a JWT key pair when none is configured, and the Nebula simulator
 * (demo scenario) when {@code NEBULA_URL} is unset. {@code @QuarkusTest} does not call main, so tests supply their
 * own resources.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        EmbeddedDatabase.startIfNoDatasourceConfigured();
        KeyMaterial.applyIfNotConfigured(EmbeddedDatabase.dataDir().resolve("keys"));
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
                + sim.baseUrl() + " — demo accounts admin/admin123, operator/operator123, viewer/viewer123");
    }
}
