package dev.nebula.sim.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;
import java.util.Map;

/** Composite response bodies the BFF assembles from etcd records (reference §5, §6, §8). */
public final class Views {
    private Views() {
    }

    public record ReplicaCount(long desired, int ready, int unhealthy) {
    }

    public record ModelView(String modelUid, String modelName, String engineType, AggregatedState state,
                            ReplicaCount replicas, List<EndpointInfo> endpoints, Map<String, String> labels,
                            long createdAtMs, long updatedAtMs) {
    }

    public record DownloadProgressView(List<DownloadProgress> replicas) {
    }

    public record CacheStatusView(List<String> cachedOnNodes, long totalSizeBytes) {
    }

    /** Field order follows the BFF: view fields first, then spec, deployment, ..., with endpoints after placement. */
    public record ModelDetailView(String modelUid, String modelName, String engineType, AggregatedState state,
                                  ReplicaCount replicas, Map<String, String> labels, long createdAtMs,
                                  long updatedAtMs, ModelSpec spec, ModelDeployment deployment,
                                  PlacementPlan placement, List<EndpointInfo> endpoints, List<Object> stats,
                                  DownloadProgressView downloadProgress, CacheStatusView cacheStatus) {
    }

    public record CacheSummary(long totalCachedModels, long totalCacheSizeBytes, List<NodeDiskStatus> nodes,
                               List<CacheEntryView> caches) {
    }

    public record GpuStatus(int index, long memoryTotalMb, long memoryUsedMb,
                            @JsonInclude(Include.NON_NULL) Integer temperatureC,
                            @JsonInclude(Include.NON_NULL) Integer utilizationGpu) {
    }

    public record NodeStatus(String nodeId, long lastHeartbeatMs, List<GpuStatus> gpus,
                             @JsonInclude(Include.NON_NULL) String apiAddr) {
    }

    public record ClusterStatus(List<NodeStatus> nodes, List<EndpointInfo> endpoints, List<PlacementPlan> placements,
                                List<Object> modelRequests) {
    }

    public record SessionUser(String id, String username, String role, String displayName, String email) {
    }

    public record LoginResponse(String token, String expiresAt, SessionUser user) {
    }

    public record DeleteResponse(String modelUid, String status, long gcQueuedNodes) {
    }
}
