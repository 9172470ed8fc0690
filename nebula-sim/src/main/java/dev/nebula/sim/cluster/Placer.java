package dev.nebula.sim.cluster;

import dev.nebula.sim.wire.ModelConfig;
import dev.nebula.sim.wire.ModelDeployment;
import dev.nebula.sim.wire.ModelSpec;
import dev.nebula.sim.wire.PlacementAssignment;
import dev.nebula.sim.wire.PlacementPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The scheduler's placement. Simplified on purpose: spreads replicas over live nodes, preferring a node that already
 * holds a complete copy, then the one with the most free disk. Honours node_affinity (an unknown or dead node means no
 * placement, i.e. "starting" forever, as upstream) and gpu_affinity. A model whose config (spec config merged with the
 * deployment's overrides) asks for {@code required_vram_mb} or {@code tensor_parallel_size} is placed as upstream's
 * planner does it (sched/planner.rs): on the live node with the most free memory among those with
 * {@code tensor_parallel_size} GPUs that no placement holds and that each have {@code required_vram_mb} free, else on
 * any live node without GPUs.
 */
final class Placer {
    private final ClusterState state;

    Placer(ClusterState state) {
        this.state = state;
    }

    PlacementPlan place(ModelSpec spec, ModelDeployment deployment, long nowMs) {
        ModelConfig merged = merge(spec.config(), deployment.configOverrides());
        if (deployment.nodeAffinity() == null && merged != null
                && (merged.requiredVramMb() != null || merged.tensorParallelSize() != null)) {
            return placeByGpuFit(spec, deployment, merged, nowMs);
        }
        return placeOn(candidates(spec, deployment), spec, deployment, nowMs);
    }

    /** sched/planner.rs select_node_and_gpus_for_deployment, replica by replica. */
    private PlacementPlan placeByGpuFit(ModelSpec spec, ModelDeployment deployment, ModelConfig config, long nowMs) {
        List<SimNode> live = state.nodes.values().stream().filter(n -> n.alive).toList();
        if (live.isEmpty()) {
            return null;
        }
        long required = config.requiredVramMb() == null ? 0 : config.requiredVramMb();
        int tp = (int) Math.max(1, config.tensorParallelSize() == null ? 1 : config.tensorParallelSize());
        Map<String, Set<Integer>> held = heldGpus();
        List<String> extraArgs = extraArgs(config);
        List<PlacementAssignment> assignments = new ArrayList<>();
        for (int r = 0; r < (int) Math.max(1, deployment.replicas()); r++) {
            SimNode best = null;
            List<Integer> bestGpus = List.of();
            long bestFree = -1;
            for (SimNode node : live) {
                Set<Integer> used = held.getOrDefault(node.id, Set.of());
                List<Integer> free = new ArrayList<>();
                for (int g = 0; g < node.gpuCount; g++) {
                    // GPUs no placement holds show next to no memory used (see ClusterViews.gpus)
                    if (!used.contains(g) && node.gpuMemoryMb - IDLE_GPU_USED_MB >= required) {
                        free.add(g);
                    }
                }
                long totalFree = (node.gpuMemoryMb - IDLE_GPU_USED_MB) * Math.min(tp, free.size());
                if (free.size() >= tp && totalFree > bestFree) {
                    best = node;
                    bestGpus = free.subList(0, tp);
                    bestFree = totalFree;
                }
            }
            SimNode node = best != null ? best : live.get(0); // upstream: any healthy node, no GPU selection
            List<Integer> gpus = List.copyOf(bestGpus);
            held.computeIfAbsent(node.id, k -> new HashSet<>()).addAll(gpus);
            assignments.add(new PlacementAssignment(r, node.id, "/tmp/nebula/" + spec.modelUid() + ".yaml",
                    node.nextPort++, gpus.isEmpty() ? null : gpus.get(0), gpus.isEmpty() ? null : gpus, extraArgs,
                    spec.engineType(), spec.dockerImage()));
        }
        return new PlacementPlan(null, spec.modelUid(), spec.modelName(), nowMs, assignments);
    }

    /** Memory an idle GPU reports as used (ClusterViews reports 3 MiB for a GPU no placement holds). */
    static final long IDLE_GPU_USED_MB = 3;

    /** GPUs held by any placement, the model's own current one included (upstream counts it too). */
    private Map<String, Set<Integer>> heldGpus() {
        Map<String, Set<Integer>> held = new HashMap<>();
        for (PlacementPlan p : state.placements.values()) {
            for (PlacementAssignment a : p.assignments()) {
                Set<Integer> on = held.computeIfAbsent(a.nodeId(), k -> new HashSet<>());
                if (a.gpuIndices() != null) {
                    on.addAll(a.gpuIndices());
                } else if (a.gpuIndex() != null) {
                    on.add(a.gpuIndex());
                }
            }
        }
        return held;
    }

    /** sched/planner.rs merge_config: the deployment's overrides win field by field. */
    static ModelConfig merge(ModelConfig base, ModelConfig overrides) {
        if (overrides == null) {
            return base;
        }
        if (base == null) {
            return overrides;
        }
        return new ModelConfig(
                overrides.tensorParallelSize() != null ? overrides.tensorParallelSize() : base.tensorParallelSize(),
                overrides.gpuMemoryUtilization() != null ? overrides.gpuMemoryUtilization() : base.gpuMemoryUtilization(),
                overrides.maxModelLen() != null ? overrides.maxModelLen() : base.maxModelLen(),
                overrides.requiredVramMb() != null ? overrides.requiredVramMb() : base.requiredVramMb(),
                overrides.loraModules() != null ? overrides.loraModules() : base.loraModules());
    }

    /** Places on the given nodes in order (scenarios pin their replicas this way). */
    PlacementPlan placeOn(List<SimNode> candidates, ModelSpec spec, ModelDeployment deployment, long nowMs) {
        if (candidates.isEmpty()) {
            return null;
        }
        int replicas = (int) Math.max(1, deployment.replicas()); // the scheduler runs max(1, n)
        List<String> extraArgs = extraArgs(merge(spec.config(), deployment.configOverrides()));
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
        if (config.tensorParallelSize() != null) { // upstream's order: build_extra_args_from_config
            args.add("--tensor-parallel-size");
            args.add(String.valueOf(config.tensorParallelSize()));
        }
        if (config.gpuMemoryUtilization() != null) {
            args.add("--gpu-memory-utilization");
            args.add(String.format(Locale.ROOT, "%s", config.gpuMemoryUtilization()));
        }
        if (config.maxModelLen() != null) {
            args.add("--max-model-len");
            args.add(String.valueOf(config.maxModelLen()));
        }
        return args.isEmpty() ? null : args;
    }
}
