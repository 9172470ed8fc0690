package dev.nebula.sim.cluster;

import dev.nebula.sim.wire.ModelConfig;
import dev.nebula.sim.wire.ModelDeployment;
import dev.nebula.sim.wire.ModelSpec;
import dev.nebula.sim.wire.PlacementAssignment;
import dev.nebula.sim.wire.PlacementPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The scheduler's placement. Simplified on purpose: spreads replicas over live nodes, preferring a node that already
 * holds a complete copy, then the one with the most free disk. Honours node_affinity (an unknown or dead node means no
 * placement, i.e. "starting" forever, as upstream) and gpu_affinity.
 */
final class Placer {
    private final ClusterState state;

    Placer(ClusterState state) {
        this.state = state;
    }

    PlacementPlan place(ModelSpec spec, ModelDeployment deployment, long nowMs) {
        return placeOn(candidates(spec, deployment), spec, deployment, nowMs);
    }

    /** Places on the given nodes in order (scenarios pin their replicas this way). */
    PlacementPlan placeOn(List<SimNode> candidates, ModelSpec spec, ModelDeployment deployment, long nowMs) {
        if (candidates.isEmpty()) {
            return null;
        }
        int replicas = (int) Math.max(1, deployment.replicas()); // the scheduler runs max(1, n)
        List<String> extraArgs = extraArgs(deployment.configOverrides() != null
                ? deployment.configOverrides() : spec.config());
        List<PlacementAssignment> assignments = new ArrayList<>();
        for (int r = 0; r < replicas; r++) {
            SimNode node = candidates.get(r % candidates.size());
            int gpu = deployment.gpuAffinity() != null && !deployment.gpuAffinity().isEmpty()
                    ? deployment.gpuAffinity().get(0).intValue() : gpusInUse(node.id) % node.gpuCount;
            List<Integer> gpus = deployment.gpuAffinity() != null && !deployment.gpuAffinity().isEmpty()
                    ? deployment.gpuAffinity().stream().map(Long::intValue).toList() : List.of(gpu);
            assignments.add(new PlacementAssignment(r, node.id, "/tmp/nebula/" + spec.modelUid() + ".yaml",
                    node.nextPort++, gpu, gpus, extraArgs, spec.engineType(), spec.dockerImage()));
        }
        return new PlacementPlan(null, spec.modelUid(), spec.modelName(), nowMs, assignments);
    }

    private List<SimNode> candidates(ModelSpec spec, ModelDeployment deployment) {
        List<SimNode> live = state.nodes.values().stream().filter(n -> n.alive).toList();
        if (deployment.nodeAffinity() != null) {
            return live.stream().filter(n -> n.id.equals(deployment.nodeAffinity())).toList();
        }
        return live.stream().sorted(Comparator
                        .comparing((SimNode n) -> n.completeCopyOf(spec.modelName()) == null)
                        .thenComparing(SimNode::availableBytes, Comparator.reverseOrder())
                        .thenComparing(n -> n.id))
                .toList();
    }

    private int gpusInUse(String nodeId) {
        int used = 0;
        for (PlacementPlan p : state.placements.values()) {
            for (PlacementAssignment a : p.assignments()) {
                used += a.nodeId().equals(nodeId) ? 1 : 0;
            }
        }
        return used;
    }

    private static List<String> extraArgs(ModelConfig config) {
        if (config == null) {
            return null;
        }
        List<String> args = new ArrayList<>();
        if (config.gpuMemoryUtilization() != null) {
            args.add("--gpu-memory-utilization");
            args.add(String.format(Locale.ROOT, "%s", config.gpuMemoryUtilization()));
        }
        if (config.maxModelLen() != null) {
            args.add("--max-model-len");
            args.add(String.valueOf(config.maxModelLen()));
        }
        if (config.tensorParallelSize() != null) {
            args.add("--tensor-parallel-size");
            args.add(String.valueOf(config.tensorParallelSize()));
        }
        return args.isEmpty() ? null : args;
    }
}
