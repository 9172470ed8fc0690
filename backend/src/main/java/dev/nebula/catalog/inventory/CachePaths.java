package dev.nebula.catalog.inventory;

import dev.nebula.catalog.nebula.NebulaDtos.CacheEntry;

/**
 * What a cache directory is, read from its path layout rather than from Nebula's fuzzy name: the hub layouts
 * encode the full {@code Org/Name}, so a Hugging Face copy of {@code other-org/X} can never pass for {@code Qwen/X}.
 */
public final class CachePaths {

    static final String HF = "/.cache/huggingface/hub/models--";
    static final String MS = "/.cache/modelscope/hub/";

    /** layout: huggingface | modelscope | plain; modelId: Org/Name for hub layouts, the directory name otherwise. */
    public record Origin(String layout, String modelId) {

        boolean plain() {
            return "plain".equals(layout);
        }

        /** The source a cache-only row reports: hub layouts name their hub, a plain directory is local. */
        String source() {
            return plain() ? "local" : layout;
        }
    }

    private CachePaths() {
    }

    public static Origin origin(CacheEntry entry) {
        String path = entry.cache_path() == null ? "" : entry.cache_path().replaceAll("/+$", "");
        int hf = path.indexOf(HF);
        if (hf >= 0) {
            String rest = path.substring(hf + HF.length());
            int cut = rest.indexOf('/');
            rest = cut < 0 ? rest : rest.substring(0, cut);
            // HF writes "/" as "--"; org names cannot contain "--", so the first one is the separator.
            int sep = rest.indexOf("--");
            if (sep > 0) {
                return new Origin("huggingface", rest.substring(0, sep) + "/" + rest.substring(sep + 2));
            }
        }
        int ms = path.indexOf(MS);
        if (ms >= 0) {
            String[] parts = path.substring(ms + MS.length()).split("/");
            if (parts.length >= 2) {
                return new Origin("modelscope", parts[0] + "/" + parts[1]);
            }
        }
        String dir = path.isEmpty() ? entry.model_name() : path.substring(path.lastIndexOf('/') + 1);
        return new Origin("plain", dir);
    }

    static String lastSegment(String name) {
        if (name == null) {
            return "";
        }
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }
}
