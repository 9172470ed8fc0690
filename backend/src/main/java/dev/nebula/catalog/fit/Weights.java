package dev.nebula.catalog.fit;

import dev.nebula.catalog.search.FileEntry;
import dev.nebula.catalog.search.ModelMetadata;
import dev.nebula.catalog.web.Notice;

import java.util.List;
import java.util.Locale;

/**
 * How many bytes of weights an engine loads, best source first: the exact sizes of the weight files the hub lists;
 * else the parameter count × 2 bytes (BF16/FP16, what models are published in; the hub gives no dtype here); else every
 * file of the repository, an upper bound.
 *
 * <p>Weight files: {@code *.safetensors} at the top level (the shards vLLM and SGLang load), else anywhere; without
 * any, {@code *.bin}, {@code *.pt}, {@code *.pth} at the top level. {@code consolidated*} files are left out when other
 * weights exist: Mistral-style repositories carry the same weights twice, once as shards and once consolidated.
 */
record Weights(Long bytes, String source, int files, Long parameters, Integer bytesPerParameter, Notice notice) {

    static final int BYTES_PER_PARAMETER = 2;

    static Weights of(ModelMetadata hub) {
        if (hub != null && !hub.files_truncated()) {
            List<FileEntry> weights = weightFiles(hub.files());
            long sum = weights.stream().mapToLong(FileEntry::size_bytes).sum();
            if (!weights.isEmpty() && sum > 0) {
                return new Weights(sum, "files", weights.size(), hub.parameters(), null, Notice.of("weights_from_files",
                        "Weights: " + weights.size() + " weight files of exactly " + sum + " bytes on the hub.",
                        "files", weights.size(), "bytes", sum));
            }
        }
        if (hub != null && hub.parameters() != null && hub.parameters() > 0) {
            long bytes = hub.parameters() * BYTES_PER_PARAMETER;
            return new Weights(bytes, "parameters", 0, hub.parameters(), BYTES_PER_PARAMETER, Notice.of(
                    "weights_from_parameters", "Weights: " + hub.parameters() + " parameters × " + BYTES_PER_PARAMETER
                            + " bytes (BF16/FP16 assumed; the hub lists no weight files).",
                    "parameters", hub.parameters(), "bytes_per_parameter", BYTES_PER_PARAMETER));
        }
        if (hub != null && hub.total_size_bytes() > 0) {
            return new Weights(hub.total_size_bytes(), "repository", 0, hub.parameters(), null, Notice.of(
                    "weights_from_repository", "Weights: the whole repository, " + hub.total_size_bytes()
                            + " bytes (an upper bound: it may hold other formats too).", "bytes", hub.total_size_bytes()));
        }
        return new Weights(null, null, 0, hub == null ? null : hub.parameters(), null, Notice.of("weights_unknown",
                "The hub says nothing about the size of the weights, so the fit cannot be estimated."));
    }

    static List<FileEntry> weightFiles(List<FileEntry> files) {
        List<FileEntry> safetensors = files.stream().filter(f -> lower(f).endsWith(".safetensors")).toList();
        List<FileEntry> chosen = safetensors.stream().filter(f -> !f.path().contains("/")).toList();
        if (chosen.isEmpty()) {
            chosen = safetensors;
        }
        if (chosen.isEmpty()) {
            chosen = files.stream().filter(f -> !f.path().contains("/"))
                    .filter(f -> lower(f).endsWith(".bin") || lower(f).endsWith(".pt") || lower(f).endsWith(".pth"))
                    .filter(f -> !lower(f).startsWith("training_args") && !lower(f).contains("optimizer"))
                    .toList();
        }
        List<FileEntry> sharded = chosen.stream().filter(f -> !name(f).startsWith("consolidated")).toList();
        return sharded.isEmpty() ? chosen : sharded;
    }

    private static String lower(FileEntry f) {
        return f.path().toLowerCase(Locale.ROOT);
    }

    private static String name(FileEntry f) {
        String p = lower(f);
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
