package dev.nebula.sim.cluster;

import dev.nebula.sim.time.EventQueue;
import dev.nebula.sim.wire.DesiredState;
import dev.nebula.sim.wire.ModelDeployment;
import dev.nebula.sim.wire.ModelSpec;
import dev.nebula.sim.wire.PlacementAssignment;
import dev.nebula.sim.wire.PlacementPlan;
import java.util.Random;

/**
 * The scheduler's reaction to deployment writes, 0-1 s later: desired running re-plans (restarting engines on new
 * ports, as upstream does even for a running model); desired stopped removes the placement and the node removes the
 * endpoint keys a little later, which is the window in which the model reads as "stopping".
 */
final class Lifecycle {
    private final ClusterState state;
    private final EventQueue events;
    private final Timings timings;
    private final Random random;
    private final Placer placer;
    private final NodeAgent agent;

    Lifecycle(ClusterState state, EventQueue events, Timings timings, Random random, NodeAgent agent) {
        this.state = state;
        this.events = events;
        this.timings = timings;
        this.random = random;
        this.placer = new Placer(state);
        this.agent = agent;
    }

    void deploymentWritten(String uid, long nowMs) {
        int gen = state.bumpGeneration(uid);
        events.at(nowMs + timings.placementDelay(random), t -> {
            if (state.generation(uid) == gen) {
                reconcile(uid, gen, t);
            }
        });
    }

    private void reconcile(String uid, int gen, long nowMs) {
        ModelSpec spec = state.specs.get(uid);
        ModelDeployment deployment = state.deployments.get(uid);
        if (spec == null || deployment == null) {
            return;
        }
        if (deployment.desiredState() == DesiredState.STOPPED) {
            state.placements.remove(uid);
            events.at(nowMs + timings.stopLingerMs(), t -> {
                if (state.generation(uid) == gen) {
                    state.endpoints.remove(uid);
                }
            });
            return;
        }
        state.endpoints.remove(uid); // the node stops the old engine before starting the new plan
        PlacementPlan plan = placer.place(spec, deployment, nowMs);
        if (plan == null) {
            state.placements.remove(uid); // unschedulable: "starting" with no timeout
            return;
        }
        state.placements.put(uid, plan);
        for (PlacementAssignment a : plan.assignments()) {
            agent.launch(uid, gen, a, nowMs);
        }
    }

    /** Cancels everything scheduled for the model; keys were already deleted by the caller. */
    void forget(String uid) {
        state.bumpGeneration(uid);
    }
}
