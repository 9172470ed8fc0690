package dev.nebula.sim.cluster;

import dev.nebula.sim.wire.AggregatedState;
import dev.nebula.sim.wire.DownloadProgress;
import dev.nebula.sim.wire.EndpointInfo;
import dev.nebula.sim.wire.EndpointStatus;
import dev.nebula.sim.wire.ModelCacheEntry;
import dev.nebula.sim.wire.ModelDeployment;
import dev.nebula.sim.wire.ModelSpec;
import dev.nebula.sim.wire.Views.CacheStatusView;
import dev.nebula.sim.wire.Views.DownloadProgressView;
import dev.nebula.sim.wire.Views.ModelDetailView;
import dev.nebula.sim.wire.Views.ModelView;
import dev.nebula.sim.wire.Views.ReplicaCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The BFF's read views of models (reference §5.1, §5.2), assembled from the simulated etcd records. */
public final class ModelViews {
    private final ClusterState state;

    ModelViews(ClusterState state) {
        this.state = state;
    }

    /** {@code state} filters on the exact state string; {@code labelKey} null means no label filter. */
    public List<ModelView> list(String stateFilter, String labelKey, String labelValue, long nowMs) {
        List<ModelView> out = new ArrayList<>();
        for (ModelSpec spec : state.specs.values()) {
            if (labelKey != null && !labelValue.equals(spec.labels().get(labelKey))) {
                continue;
            }
            ModelView v = view(spec, nowMs);
            if (stateFilter == null || v.state().wire().equals(stateFilter)) {
                out.add(v);
            }
        }
        return out;
    }

    public ModelDetailView detail(String uid, long nowMs) {
        ModelSpec spec = state.specs.get(uid);
        if (spec == null) {
            throw Problem.modelNotFound();
        }
        ModelView v = view(spec, nowMs);
        List<DownloadProgress> progress = progress(uid, nowMs);
        return new ModelDetailView(v.modelUid(), v.modelName(), v.engineType(), v.state(), v.replicas(), v.labels(),
                v.createdAtMs(), v.updatedAtMs(), spec, state.deployments.get(uid), state.placements.get(uid),
                v.endpoints(), List.of(), progress.isEmpty() ? null : new DownloadProgressView(progress),
                cacheStatus(spec));
    }

    public AggregatedState stateOf(String uid, long nowMs) {
        ModelSpec spec = state.specs.get(uid);
        return spec == null ? null : view(spec, nowMs).state();
    }

    private ModelView view(ModelSpec spec, long nowMs) {
        String uid = spec.modelUid();
        ModelDeployment d = state.deployments.get(uid);
        List<EndpointInfo> endpoints = endpoints(uid, nowMs);
        int ready = (int) endpoints.stream().filter(e -> e.status() == EndpointStatus.READY).count();
        int unhealthy = (int) endpoints.stream().filter(e -> e.status() == EndpointStatus.UNHEALTHY).count();
        AggregatedState s = StateRules.aggregate(d, state.placements.get(uid), endpoints, progress(uid, nowMs),
                spec.createdAtMs(), nowMs);
        return new ModelView(uid, spec.modelName(), spec.engineType(), s,
                new ReplicaCount(d == null ? 0 : d.replicas(), ready, unhealthy), endpoints, spec.labels(),
                spec.createdAtMs(), spec.updatedAtMs());
    }

    /** Endpoints with the heartbeat their node would have refreshed by now. */
    List<EndpointInfo> endpoints(String uid, long nowMs) {
        Map<String, EndpointInfo> byReplica = state.endpoints.get(uid);
        if (byReplica == null || byReplica.isEmpty()) {
            return List.of();
        }
        List<EndpointInfo> out = new ArrayList<>(byReplica.size());
        for (EndpointInfo e : byReplica.values()) {
            SimNode node = state.nodes.get(e.nodeId());
            if (node != null && node.leaseExpired(nowMs)) {
                continue; // the crashed node stopped refreshing the endpoint's lease
            }
            long beat = node == null ? e.lastHeartbeatMs() : Math.max(e.lastHeartbeatMs(), node.lastHeartbeat(nowMs));
            out.add(e.withHeartbeat(beat));
        }
        return out;
    }

    /** Live (unexpired) progress records; expired ones are dropped as their etcd lease would. */
    List<DownloadProgress> progress(String uid, long nowMs) {
        Map<String, ClusterState.Expiring> records = state.progress.get(uid);
        if (records == null) {
            return List.of();
        }
        records.values().removeIf(r -> r.expiresAtMs() <= nowMs);
        return records.values().stream().map(ClusterState.Expiring::value).toList();
    }

    private CacheStatusView cacheStatus(ModelSpec spec) {
        List<String> nodes = new ArrayList<>();
        long total = 0;
        for (SimNode node : state.nodes.values()) {
            for (ModelCacheEntry e : node.published.values()) {
                if (NameMatch.fuzzy(e.modelName(), spec.modelName())) {
                    nodes.add(node.id); // one element per entry, not deduplicated
                    total += e.sizeBytes();
                }
            }
        }
        return nodes.isEmpty() ? null : new CacheStatusView(nodes, total);
    }
}
