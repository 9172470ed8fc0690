package dev.nebula.sim.cluster;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "true" size of a model's files, which downloads grow towards. Deterministic from the name so every run of a
 * scenario looks the same: a parameter count like "7B" / "0.5B" / "135M" in the last name segment means bf16 weights
 * (2 bytes per parameter) plus 7 % for tokenizer and metadata, so 7B is about 15 GB and 0.5B about 1 GB; embedding and
 * reranker models ("bge", "embed", "rerank") are about 2.2 GB; anything else 5 GB.
 */
public final class ModelSizes {
    static final long GB = 1_000_000_000L;
    private static final Pattern PARAMS = Pattern.compile("(?<![a-z0-9.])(\\d+(?:\\.\\d+)?)([bm])(?![a-z])");

    private ModelSizes() {
    }

    public static long derive(String modelName) {
        String last = CacheLayout.lastSegment(modelName).toLowerCase(Locale.ROOT);
        Matcher m = PARAMS.matcher(last.replace('_', '-'));
        if (m.find()) {
            double params = Double.parseDouble(m.group(1)) * ("b".equals(m.group(2)) ? 1e9 : 1e6);
            return Math.max(50_000_000L, (long) (params * 2 * 1.07));
        }
        if (last.contains("bge") || last.contains("embed") || last.contains("rerank")) {
            return 2_270_000_000L;
        }
        return 5 * GB;
    }

    /** Roughly one safetensors shard per 4 GB plus eight config/tokenizer files. */
    public static long fileCount(long sizeBytes) {
        return 8 + Math.max(1, (sizeBytes + 4 * GB - 1) / (4 * GB));
    }
}
