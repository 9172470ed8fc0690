package dev.nebula.sim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nebula.sim.wire.AggregatedState;
import dev.nebula.sim.wire.DesiredState;
import dev.nebula.sim.wire.DownloadPhase;
import dev.nebula.sim.wire.DownloadProgress;
import dev.nebula.sim.wire.EndpointInfo;
import dev.nebula.sim.wire.EndpointStatus;
import dev.nebula.sim.wire.ModelDeployment;
import dev.nebula.sim.wire.PlacementPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The §9 rules in order, first match wins. */
class StateRulesTest {
    static final ModelDeployment RUNNING = deployment(DesiredState.RUNNING, 1_000);
    static final PlacementPlan PLAN = new PlacementPlan(null, "m", "m", 1, List.of());

    static ModelDeployment deployment(DesiredState s, long at) {
        return new ModelDeployment("m", s, 1, null, null, null, null, null, 1, at);
    }

    static EndpointInfo endpoint(EndpointStatus s) {
        return new EndpointInfo("m", 0, 1, "n", "native_http", "openai", s, 1, null, null);
    }

    static DownloadProgress progress(DownloadPhase p) {
        return DownloadProgress.write("m", 0, "n", "m", p, 0, 0, 1);
    }

    static AggregatedState state(ModelDeployment d, PlacementPlan p, List<EndpointInfo> e, List<DownloadProgress> dl,
                                 long now) {
        return StateRules.aggregate(d, p, e, dl, 0, now);
    }

    @Test
    void followsTheRulesInOrder() {
        assertEquals(AggregatedState.STOPPED, state(null, PLAN, List.of(endpoint(EndpointStatus.READY)), List.of(), 0));
        assertEquals(AggregatedState.STOPPING, state(deployment(DesiredState.STOPPED, 0), null,
                List.of(endpoint(EndpointStatus.READY)), List.of(), 0));
        assertEquals(AggregatedState.STARTING, state(RUNNING, null, List.of(), List.of(), 10_000_000));
        assertEquals(AggregatedState.DOWNLOADING, state(RUNNING, PLAN, List.of(endpoint(EndpointStatus.READY)),
                List.of(progress(DownloadPhase.DOWNLOADING)), 0));
        assertEquals(AggregatedState.RUNNING, state(RUNNING, PLAN, List.of(endpoint(EndpointStatus.READY)),
                List.of(progress(DownloadPhase.COMPLETE)), 0));
        assertEquals(AggregatedState.DEGRADED, state(RUNNING, PLAN, List.of(endpoint(EndpointStatus.READY),
                endpoint(EndpointStatus.DRAINING)), List.of(), 0));
        assertEquals(AggregatedState.STARTING, state(RUNNING, PLAN, List.of(endpoint(EndpointStatus.UNHEALTHY)),
                List.of(), 10_000_000));
    }

    @Test
    void failedIsATimerFromTheLaterOfDeploymentAndSpecTimes() {
        assertEquals(AggregatedState.STARTING, state(RUNNING, PLAN, List.of(), List.of(), 301_000));
        assertEquals(AggregatedState.FAILED, state(RUNNING, PLAN, List.of(), List.of(), 301_001));
        assertEquals(AggregatedState.STARTING, StateRules.aggregate(RUNNING, PLAN, List.of(), List.of(), 100_000,
                301_001), "a newer spec resets the timer");
        assertEquals(AggregatedState.FAILED, state(RUNNING, PLAN, List.of(),
                List.of(progress(DownloadPhase.FAILED)), 400_000), "a failed download does not hold it back");
    }
}
