package dev.nebula.catalog.support;

import dev.nebula.sim.NebulaSimulator;
import dev.nebula.sim.SimulatorOptions;
import dev.nebula.sim.control.SimulatorControl;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * The Nebula simulator, in-process on a random port, with the demo scenario. The service reaches it over real
 * HTTP through its REST client; tests inspect and steer it through {@link #control()}.
 */
public class NebulaSimulatorResource implements QuarkusTestResourceLifecycleManager {

    private static NebulaSimulator simulator;

    @Override
    public Map<String, String> start() {
        simulator = NebulaSimulator.start(SimulatorOptions.builder().port(0).scenario("demo").build());
        return Map.of("catalog.nebula.url", simulator.baseUrl(), "catalog.nebula.simulated", "true");
    }

    public static SimulatorControl control() {
        return simulator.control();
    }

    public static String baseUrl() {
        return simulator.baseUrl();
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
