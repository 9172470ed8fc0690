package dev.nebula.sim.cluster;

import java.util.Locale;

/** The two different name-matching rules Nebula uses for cache entries vs specs. */
public final class NameMatch {
    private NameMatch() {
    }

    /**
     * The BFF's fuzzy {@code model_name_matches} (reference §9), used for cache_status and matched_model_uids:
     * case-insensitive equality, equal last '/'-segments, or one name a '/'-prefix of the other. Deliberately loose:
     * it matches across orgs ("foo/bar" ~ "baz/bar").
     */
    public static boolean fuzzy(String cacheName, String specName) {
        String a = cacheName.toLowerCase(Locale.ROOT);
        String b = specName.toLowerCase(Locale.ROOT);
        return a.equals(b)
                || CacheLayout.lastSegment(a).equals(CacheLayout.lastSegment(b))
                || a.startsWith(b + "/") || b.startsWith(a + "/");
    }

    /**
     * The node's GC rule after a delete (reference §5.5), case-sensitive: entry name equals the spec name or its last
     * segment, the entry's last segment equals the spec name, or the path equals spec.model_path.
     */
    public static boolean gc(String entryName, String entryPath, String specName, String specModelPath) {
        return entryName.equals(specName)
                || entryName.equals(CacheLayout.lastSegment(specName))
                || CacheLayout.lastSegment(entryName).equals(specName)
                || (specModelPath != null && entryPath.equals(specModelPath));
    }
}
