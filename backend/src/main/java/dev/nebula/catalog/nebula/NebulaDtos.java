package dev.nebula.catalog.nebula;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * Nebula's wire types, field for field as its BFF serialises them (see openapi/nebula-v2-upstream.openapi.yaml).
 * Enum-like fields stay strings so that a value Nebula adds later is carried, not rejected. Unknown fields are
 * ignored. These types never leave the nebula package's callers' mapping code.
 */
public final class NebulaDtos {

    private NebulaDtos() {
    }

    public record LoginRequest(String username, String password) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LoginResponse(String token, String expires_at, SessionUser user) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SessionUser(String id, String username, String role, String display_name, String email) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReplicaCount(long desired, long ready, long unhealthy) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Endpoint(String model_uid, long replica_id, String node_id, String status, Long last_heartbeat_ms,
                           String base_url) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ModelView(String model_uid, String model_name, String engine_type, String state,
                            ReplicaCount replicas, List<Endpoint> endpoints, Map<String, String> labels,
                            Long created_at_ms, Long updated_at_ms) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ModelSpec(String model_uid, String model_name, String model_source, String model_path,
                            String engine_type, Map<String, String> labels, Long created_at_ms, Long updated_at_ms,
                            String created_by) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Deployment(String model_uid, String desired_state, Long replicas, Long version, Long updated_at_ms) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Assignment(long replica_id, String node_id) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Placement(String model_uid, List<Assignment> assignments) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DownloadProgress(String model_uid, long replica_id, String node_id, String model_name, String phase,
                                   long total_bytes, long downloaded_bytes, long files_total, long files_done,
                                   long updated_at_ms) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DownloadProgressSet(List<DownloadProgress> replicas) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CacheStatus(List<String> cached_on_nodes, long total_size_bytes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ModelDetail(String model_uid, String model_name, String engine_type, String state,
                              ReplicaCount replicas, Map<String, String> labels, Long created_at_ms,
                              Long updated_at_ms, ModelSpec spec, Deployment deployment, Placement placement,
                              List<Endpoint> endpoints, DownloadProgressSet download_progress,
                              CacheStatus cache_status) {
    }

    /** Body of {@code POST /api/v2/models}; absent optional fields are omitted, as Nebula treats null and absent alike. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreateModel(String model_name, String model_uid, String model_source, String engine_type,
                              Map<String, String> labels, Boolean auto_start, Integer replicas) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DeleteResult(String model_uid, String status, long gc_queued_nodes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NodeDisk(String node_id, String model_dir, long total_bytes, long used_bytes, long available_bytes,
                           double usage_pct, long model_cache_bytes, long model_count, long updated_at_ms) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CacheEntry(String node_id, String model_name, String cache_path, long size_bytes, long file_count,
                             boolean complete, long last_accessed_ms, long discovered_at_ms,
                             List<String> matched_model_uids) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CacheSummary(long total_cached_models, long total_cache_size_bytes, List<NodeDisk> nodes,
                               List<CacheEntry> caches) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OverviewNode(String node_id, long last_heartbeat_ms) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Overview(List<OverviewNode> nodes, List<Endpoint> endpoints) {
    }
}
