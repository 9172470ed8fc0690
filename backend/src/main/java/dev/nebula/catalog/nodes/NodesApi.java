package dev.nebula.catalog.nodes;

import dev.nebula.catalog.web.Notice;

import java.util.List;

/** The cache manager's API types (openapi: ClusterNodes and friends). Every field is always sent. */
public final class NodesApi {

    private NodesApi() {
    }

    public record ClusterNodes(List<ClusterNode> nodes, Totals totals, boolean alerts_known, boolean gpus_known,
                               String as_of, boolean stale) {
    }

    public record ClusterNode(String node_id, Boolean alive, String last_heartbeat, String last_scan, String model_dir,
                              List<NodeGpu> gpus, DiskUsage disk, long model_cache_bytes, long reclaimable_bytes,
                              String alert_level, List<NodeAlert> alerts, List<CachedCopy> copies) {
    }

    public record NodeGpu(int index, long memory_total_mb, long memory_used_mb, Integer utilization_percent,
                          Integer temperature_c, List<String> held_by) {
    }

    public record DiskUsage(long total_bytes, long used_bytes, long available_bytes, double used_percent) {
    }

    public record NodeAlert(String alert_type, boolean active, String first_seen, String last_seen,
                            double usage_percent, long available_bytes, Notice notice) {
    }

    public record CachedCopy(String cache_path, String model_name, String layout, long size_bytes, long file_count,
                             boolean complete, String last_scanned, String last_used, List<CopyUser> used_by,
                             boolean downloading, boolean in_use_on_node, boolean safe_to_reclaim, Reclaim reclaim,
                             List<Notice> reclaim_blocked_by) {
    }

    public record CopyUser(String model_uid, String model_name, String state, boolean deployed) {
    }

    /** How a safe copy is reclaimed: delete its one model (admin), or remove the directory on the node. */
    public record Reclaim(String how, String model_uid) {
    }

    public record Totals(int nodes, int live_nodes, int gpus, long gpu_memory_total_mb, long gpu_memory_used_mb,
                         long disk_total_bytes, long disk_used_bytes, long disk_available_bytes, long model_cache_bytes,
                         int copies, int safe_copies, long reclaimable_bytes, long reclaimable_bytes_dead_nodes,
                         int active_alerts) {
    }
}
