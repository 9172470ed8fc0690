package dev.nebula.catalog.inventory;

import dev.nebula.catalog.web.Notice;

import java.util.List;

/** The downloaded-models API's types (openapi: DownloadedModelRow and friends). Every field is always sent. */
public final class InventoryApi {

    private InventoryApi() {
    }

    /** One row of block A: a registered model (uid set) or files on nodes with no registered model (uid null). */
    public record Row(String model_name, String model_uid, String source, String revision, Long size_bytes,
                      List<NodeCopy> nodes, int node_count, String last_used, String last_seen_running, String state,
                      String engine_type, Replicas replicas, List<ModelEndpoint> endpoints, Progress progress,
                      RowError error, String imported_by, String imported_at, boolean deletable,
                      List<Notice> delete_blocked_by, List<String> actions, NewerRevision newer_revision) {
    }

    /** The hub's default branch moved past the imported revision: its commit, when it moved, when we asked. */
    public record NewerRevision(String sha, String date, String checked_at) {
    }

    /** A serving endpoint of one replica, as Nebula reports it. */
    public record ModelEndpoint(long replica_id, String node_id, String status, String base_url) {
    }

    public record NodeCopy(String node_id, String cache_path, long size_bytes, boolean complete, String last_access,
                           Boolean alive) {
    }

    public record Replicas(long desired, long ready, long unhealthy) {
    }

    public record Progress(String phase, Double percent, long downloaded_bytes, Long total_bytes, boolean total_known,
                           Long speed_bytes_per_sec, Long eta_seconds, long files_done, Long files_total,
                           List<ReplicaProgress> replicas) {
    }

    public record ReplicaProgress(long replica_id, String node_id, String phase, Double percent, long downloaded_bytes,
                                  Long total_bytes, Long speed_bytes_per_sec, Long eta_seconds, long files_done,
                                  String updated_at) {
    }

    /**
     * Why a row is not well. {@code code} and {@code replicas} let the page word it in the reader's language;
     * {@code summary} is the same in English, for API clients and logs.
     *
     * @param code     download_failed, model_failed, node_lost or replicas_unhealthy
     * @param replicas the replicas concerned (none for model_failed)
     */
    public record RowError(String code, List<ReplicaRef> replicas, Integer replicas_total, String summary, String since) {

        static RowError of(Observations.Seen seen) {
            List<ReplicaRef> on = seen.nodeId() == null ? List.of() : List.of(new ReplicaRef(seen.replicaId(), seen.nodeId()));
            return new RowError(seen.kind(), on, null, seen.summary(), seen.occurredAt().toString());
        }
    }

    /** One replica, by its id and the node it is placed on. */
    public record ReplicaRef(Long replica_id, String node_id) {
    }

    public record Page(List<Row> items, int page, int limit, int total, String as_of, boolean stale) {
    }

    /** A cache directory as a node reported it. */
    public record CacheCopy(String node_id, String cache_path, String layout, long size_bytes, long file_count,
                            boolean complete, String last_access, Boolean alive) {
    }

    public record Observation(long id, String kind, String node_id, Long replica_id, String summary,
                              String occurred_at, String first_seen_at, String last_seen_at) {
    }

    public record Detail(Row model, List<CacheCopy> copies, List<Observation> observations, String as_of,
                         boolean stale) {
    }

    public record AffectedModel(String model_uid, String model_name, String state, List<String> nodes, Notice reason) {
    }

    public record DeleteImpact(String model_uid, String model_name, String state, long running_replicas,
                               List<CacheCopy> files_deleted, List<String> nodes, long freed_bytes_expected,
                               List<AffectedModel> affected_models, List<String> affected_cache_only,
                               List<Notice> notes, String as_of, boolean stale) {
    }

    public record Deleted(String model_uid, String status, long gc_queued_nodes, long freed_bytes_expected) {
    }

    public record BatchDeleteImpact(List<DeleteImpact> models, List<String> unknown_uids, List<CacheCopy> files_deleted,
                                    List<String> nodes, long freed_bytes_expected, long running_replicas,
                                    List<AffectedModel> affected_models, List<String> affected_cache_only,
                                    List<Notice> notes, String confirmation_phrase, String as_of, boolean stale) {
    }

    public record BatchDeleted(String model_uid, String status, Long gc_queued_nodes, Long freed_bytes_expected,
                               dev.nebula.catalog.web.ItemError error) {
    }

    public record BatchDeleteResult(String batch_id, List<BatchDeleted> results, int deleted, int failed,
                                    long freed_bytes_expected) {
    }
}
