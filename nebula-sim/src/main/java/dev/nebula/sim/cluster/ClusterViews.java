package dev.nebula.sim.cluster;

import dev.nebula.sim.wire.DiskAlert;
import dev.nebula.sim.wire.EndpointInfo;
import dev.nebula.sim.wire.ModelCacheEntry;
import dev.nebula.sim.wire.NodeDiskStatus;
import dev.nebula.sim.wire.PlacementAssignment;
import dev.nebula.sim.wire.PlacementPlan;
import dev.nebula.sim.wire.Views.CacheSummary;
import dev.nebula.sim.wire.Views.ClusterStatus;
import dev.nebula.sim.wire.Views.GpuStatus;
import dev.nebula.sim.wire.Views.NodeStatus;
import java.util.ArrayList;
import java.util.List;

/** Node-level reads: cache summary, per-node cache and disk, alerts, and the legacy overview (reference §6, §8). */
public final class ClusterViews {
    private final ClusterState state;
    private final CacheIndex cacheIndex;
    private final ModelViews models;
    private final NodeAgent agent;

    ClusterViews(ClusterState state, ModelViews models, NodeAgent agent) {
        this.state = state;
        this.cacheIndex = new CacheIndex(state);
        this.models = models;
        this.agent = agent;
    }

    public CacheSummary cacheSummary() {
        return cacheIndex.summary();
    }

    /** An unknown node gives an empty list, not 404, as upstream. */
    public List<ModelCacheEntry> nodeCache(String nodeId) {
        SimNode node = state.nodes.get(nodeId);
        return node == null ? List.of() : List.copyOf(node.published.values());
    }

    public NodeDiskStatus nodeDisk(String nodeId) {
        SimNode node = state.nodes.get(nodeId);
        if (node == null || node.disk == null) {
            throw new Problem(404, "not_found", "disk status not found for node");
        }
        return node.disk;
    }

    public List<DiskAlert> alerts() {
        List<DiskAlert> out = new ArrayList<>();
        state.nodes.values().forEach(n -> out.addAll(n.alerts.values()));
        return out;
    }

    public ClusterStatus overview(long nowMs) {
        List<NodeStatus> nodes = new ArrayList<>();
        for (SimNode n : state.nodes.values()) {
            // /nodes/* keys have a 60 s TTL: dead nodes vanish here but not from the cache summary
            if (n.alive || (n.crashedAtMs != null && !n.leaseExpired(nowMs))) {
                nodes.add(new NodeStatus(n.id, n.lastHeartbeat(nowMs), gpus(n), "http://0.0.0.0:9090"));
            }
        }
        List<EndpointInfo> endpoints = new ArrayList<>();
        new java.util.TreeSet<>(state.endpoints.keySet()).forEach(uid -> endpoints.addAll(models.endpoints(uid, nowMs)));
        return new ClusterStatus(nodes, endpoints, List.copyOf(state.placements.values()), List.of());
    }

    private List<GpuStatus> gpus(SimNode node) {
        long[] usedMb = new long[node.gpuCount];
        for (PlacementPlan p : state.placements.values()) {
            long vramMb = agent.sizeOf(p.modelName()) * 12 / 10 / 1_048_576L;
            for (PlacementAssignment a : p.assignments()) {
                List<Integer> held = a.gpuIndices() != null ? a.gpuIndices()
                        : a.gpuIndex() != null ? List.of(a.gpuIndex()) : List.of();
                if (!a.nodeId().equals(node.id) || held.isEmpty()) {
                    continue;
                }
                for (int g : held) { // tensor parallelism splits the weights over the replica's GPUs
                    if (g >= 0 && g < node.gpuCount) {
                        usedMb[g] = Math.min(node.gpuMemoryMb, usedMb[g] + vramMb / held.size());
                    }
                }
            }
        }
        List<GpuStatus> out = new ArrayList<>();
        for (int i = 0; i < node.gpuCount; i++) {
            boolean busy = usedMb[i] > 0;
            out.add(new GpuStatus(i, node.gpuMemoryMb, busy ? usedMb[i] : Placer.IDLE_GPU_USED_MB, busy ? 61 : 34,
                    busy ? 87 : 0));
        }
        return out;
    }
}
