package dev.nebula.catalog.imports;

import dev.nebula.catalog.web.Notice;

import java.util.List;

/** API types of import and pre-flight. */
public final class ImportApi {

    private ImportApi() {
    }

    public record ImportRequest(String provider, String model_id, String model_uid, String engine_type, Integer replicas,
                                Boolean auto_start, String revision) {
    }

    public record ImportResult(String import_id, String model_uid, String status, String provider, String model_id,
                               String revision, Long expected_bytes, String engine_type, int replicas,
                               boolean auto_start, String imported_by, String created_at, ErrorInfo error) {
    }

    public record ErrorInfo(String code, String message) {
    }

    public record Registered(String model_uid, String model_name, String state) {
    }

    public record CachedCopy(String node_id, long size_bytes, boolean complete) {
    }

    /** A node's disk before the download; a dead node never fits. */
    public record NodeRoom(String node_id, boolean alive, long available_bytes, Long total_bytes, Double used_percent,
                           boolean fits) {
    }

    /** Whether a uid is free while the operator types it. */
    public record UidCheck(String model_uid, boolean available, Notice notice) {
    }

    public record Preflight(String provider, String model_id, boolean exists_on_hub, String revision, Long size_bytes,
                            String size_source, boolean gated, boolean is_private, String suggested_uid,
                            List<Registered> registered, List<CachedCopy> cached_on, List<NodeRoom> disk,
                            List<Notice> blocking, List<Notice> warnings) {
    }
}
