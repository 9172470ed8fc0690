package dev.nebula.sim.support;

import dev.nebula.sim.NebulaSimulator;
import dev.nebula.sim.SimulatorOptions;
import dev.nebula.sim.scenario.Scenario;
import java.util.List;

/** Simulators for tests: random port, real-time clock that tests jump explicitly. */
public final class Sims {
    private Sims() {
    }

    public static NebulaSimulator demo() {
        return NebulaSimulator.start(SimulatorOptions.builder().port(0).scenario("demo").build());
    }

    /** Two empty, roomy nodes and nothing registered: a clean stage for lifecycle tests. */
    public static NebulaSimulator twoNodes(long downloadBytesPerSecond) {
        return NebulaSimulator.start(SimulatorOptions.builder().port(0).scenario(twoNodeScenario())
                .downloadBytesPerSecond(downloadBytesPerSecond).build());
    }

    public static Scenario twoNodeScenario() {
        return new Scenario("two-nodes", List.of(
                new Scenario.NodeDef("node-a", 2_000_000_000_000L, 100_000_000_000L, 8, null, null, null),
                new Scenario.NodeDef("node-b", 1_000_000_000_000L, 100_000_000_000L, 8, null, null, null)),
                null, null, null, null);
    }
}
