package dev.nebula.catalog.imports;

import dev.nebula.catalog.nebula.NebulaDtos;

/** The hub model id a node's cache entry holds, read from the cache layout rather than guessed from names. */
final class CachePaths {

    private static final String HF = "/.cache/huggingface/hub/models--";
    private static final String MS = "/.cache/modelscope/hub/";

    private CachePaths() {
    }

    /** {@code Org/Name} for Hugging Face and ModelScope layouts; the entry's own name otherwise. */
    static String modelIdOf(NebulaDtos.CacheEntry entry) {
        String path = entry.cache_path() == null ? "" : entry.cache_path();
        int hf = path.indexOf(HF);
        if (hf >= 0) {
            String rest = path.substring(hf + HF.length());
            int slash = rest.indexOf('/');
            String dir = slash >= 0 ? rest.substring(0, slash) : rest;
            int sep = dir.indexOf("--");
            return sep > 0 ? dir.substring(0, sep) + "/" + dir.substring(sep + 2) : dir;
        }
        int ms = path.indexOf(MS);
        if (ms >= 0) {
            String[] parts = path.substring(ms + MS.length()).split("/");
            return parts.length >= 2 ? parts[0] + "/" + parts[1] : entry.model_name();
        }
        return entry.model_name();
    }
}
