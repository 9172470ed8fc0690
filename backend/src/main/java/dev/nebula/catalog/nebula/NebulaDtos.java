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
                            String engine_type, ModelConfig config, Map<String, String> labels, Long created_at_ms,
                            Long updated_at_ms, String created_by) {
    }

    /**
     * Nebula's ModelConfig. Answers carry all five keys (null when unset); in requests a null key is omitted, which
     * Nebula reads the same as null. {@code required_vram_mb} is what each GPU must have free (the scheduler compares
     * it GPU by GPU, sched/planner.rs), not the model's total.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModelConfig(Long tensor_parallel_size, Double gpu_memory_utilization, Long max_model_len,
                              Long required_vram_mb, List<String> lora_modules) {

        /** Only the GPU-fit keys; the others stay unset (Nebula's defaults). */
        public static ModelConfig fit(Long requiredVramMb, Long tensorParallelSize) {
            return new ModelConfig(tensorParallelSize, null, null, requiredVramMb, null);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Deployment(String model_uid, String desired_state, Long replicas, Long version, Long updated_at_ms) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Assignment(long replica_id, String node_id, Integer gpu_index, List<Integer> gpu_indices) {

        /** The GPUs this replica holds: gpu_indices, else gpu_index, else none (the scheduler chose none). */
        public List<Integer> gpus() {
            if (gpu_indices != null && !gpu_indices.isEmpty()) {
                return gpu_indices;
            }
            return gpu_index == null ? List.of() : List.of(gpu_index);
        }
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
                              ModelConfig config, Map<String, String> labels, Boolean auto_start, Integer replicas) {

        public CreateModel(String model_name, String model_uid, String model_source, String engine_type,
                           Map<String, String> labels, Boolean auto_start, Integer replicas) {
            this(model_name, model_uid, model_source, engine_type, null, labels, auto_start, replicas);
        }
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

    /** {@code temperature_c} and {@code utilization_gpu} are omitted when the node does not know them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Gpu(int index, long memory_total_mb, long memory_used_mb, Integer temperature_c,
                      Integer utilization_gpu) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OverviewNode(String node_id, long last_heartbeat_ms, List<Gpu> gpus) {
    }

    /** The overview lists live nodes only, with their GPUs, and every placement (which GPUs each replica holds). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Overview(List<OverviewNode> nodes, List<Endpoint> endpoints, List<Placement> placements) {
    }

    /**
     * {@code /api/v2/alerts}: one record per node and type, never deleted; {@code created_at_ms} is rewritten by every
     * scan that still finds the condition, with the same time as that scan's disk record.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DiskAlert(String node_id, String alert_type, String message, String model_dir, double usage_pct,
                            long available_bytes, long created_at_ms) {
    }
}
