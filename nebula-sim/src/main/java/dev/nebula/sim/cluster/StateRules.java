package dev.nebula.sim.cluster;

import dev.nebula.sim.wire.AggregatedState;
import dev.nebula.sim.wire.DesiredState;
import dev.nebula.sim.wire.DownloadPhase;
import dev.nebula.sim.wire.DownloadProgress;
import dev.nebula.sim.wire.EndpointInfo;
import dev.nebula.sim.wire.EndpointStatus;
import dev.nebula.sim.wire.ModelDeployment;
import dev.nebula.sim.wire.PlacementPlan;
import java.util.Collection;

/** The BFF's aggregated-state rules (reference §9), evaluated in order, first match wins. */
public final class StateRules {
    public static final long FAILED_AFTER_MS = 300_000L;

    private StateRules() {
    }

    public static AggregatedState aggregate(ModelDeployment deployment, PlacementPlan placement,
                                            Collection<EndpointInfo> endpoints, Collection<DownloadProgress> progress,
                                            long specCreatedAtMs, long nowMs) {
        if (deployment == null) {
            return AggregatedState.STOPPED;
        }
        if (deployment.desiredState() == DesiredState.STOPPED) {
            return endpoints.isEmpty() ? AggregatedState.STOPPED : AggregatedState.STOPPING;
        }
        if (placement == null) {
            return AggregatedState.STARTING; // no timeout: an unschedulable model starts forever
        }
        if (progress.stream().anyMatch(p -> p.phase() != DownloadPhase.COMPLETE && p.phase() != DownloadPhase.FAILED)) {
            return AggregatedState.DOWNLOADING;
        }
        long ready = endpoints.stream().filter(e -> e.status() == EndpointStatus.READY).count();
        if (!endpoints.isEmpty() && ready == endpoints.size()) {
            return AggregatedState.RUNNING;
        }
        if (ready > 0) {
            return AggregatedState.DEGRADED;
        }
        if (endpoints.isEmpty()
                && nowMs - Math.max(deployment.updatedAtMs(), specCreatedAtMs) > FAILED_AFTER_MS) {
            return AggregatedState.FAILED;
        }
        return AggregatedState.STARTING;
    }
}
