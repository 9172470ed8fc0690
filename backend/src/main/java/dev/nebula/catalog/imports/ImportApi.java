package dev.nebula.catalog.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nebula.catalog.fit.FitApi;
import dev.nebula.catalog.search.Provider;
import dev.nebula.catalog.web.ItemError;
import dev.nebula.catalog.web.Notice;

import java.util.List;

/** API types of import and pre-flight. */
public final class ImportApi {

    private ImportApi() {
    }

    /**
     * An import as this installation runs it ({@link ImportRequests} makes it from the request body). {@code
     * required_vram_mb} and {@code tensor_parallel_size} override what the pre-flight's fit would send in Nebula's
     * ModelConfig.
     */
    public record ImportRequest(Provider provider, String model_id, String model_uid, String engine_type, int replicas,
                                boolean auto_start, String revision, Long required_vram_mb,
                                Integer tensor_parallel_size) {
    }

    /** One item's pre-flight, or why it could not be made; null fields are left out of the answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BatchPreflightItem(int index, String model_id, Preflight preflight, ItemError error) {
    }

    public record BatchPreflight(List<BatchPreflightItem> items) {
    }

    /** created or replayed with the import's result, or failed with the error the single import would answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BatchImportOutcome(int index, String model_id, String status, ImportResult result, ItemError error) {
    }

    public record BatchImport(List<BatchImportOutcome> items, int created, int failed) {
    }

    public record ImportResult(String import_id, String model_uid, String status, String provider, String model_id,
                               String revision, Long expected_bytes, String engine_type, int replicas,
                               boolean auto_start, String imported_by, String created_at, Long required_vram_mb,
                               Integer tensor_parallel_size, ErrorInfo error) {
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
                            FitApi.Fit fit, List<Notice> blocking, List<Notice> warnings) {
    }
}
