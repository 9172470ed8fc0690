package dev.nebula.catalog.fit;

import dev.nebula.catalog.web.Notice;

import java.util.List;

/** The pre-flight's fit section (openapi: Fit and friends). Every field is always sent. */
public final class FitApi {

    private FitApi() {
    }

    public record Fit(Long weight_bytes, String weight_source, int weight_files, Long parameters,
                      Integer bytes_per_parameter, int headroom_percent, int gpu_overhead_mb, Long required_bytes,
                      List<Notice> estimate, List<FitNode> nodes, Verdict verdict, Config config) {
    }

    public record FitNode(String node_id, int gpu_count, int free_gpu_count, long gpu_memory_mb, List<Option> options,
                          Integer tensor_parallel_size, boolean fits_now) {
    }

    public record Option(int tensor_parallel_size, long per_gpu_mb, boolean fits_now, boolean fits_when_idle) {
    }

    public record Verdict(String code, Integer tensor_parallel_size, List<String> nodes, Notice notice) {
    }

    /** What the import sends in Nebula's ModelConfig; null: the key is not sent. */
    public record Config(Long required_vram_mb, Integer tensor_parallel_size, boolean overridden) {
    }
}
