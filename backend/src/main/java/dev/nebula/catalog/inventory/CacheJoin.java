package dev.nebula.catalog.inventory;

import dev.nebula.catalog.nebula.NebulaDtos.CacheEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Attributes each cache entry to at most one registered model, stricter than Nebula's {@code matched_model_uids}
 * (which equates any two names sharing a last segment, across organisations). In order:
 * <ol>
 *   <li>the entry's path is the spec's {@code model_path} (local models);</li>
 *   <li>a hub layout's {@code Org/Name} equals the spec's model name (case-insensitive, whole id);</li>
 *   <li>a plain directory equals the last segment of exactly one spec's name (ambiguity joins nothing).</li>
 * </ol>
 * Several specs with the same model name share the entry (they really do use the same files).
 * Entries attributed to no spec become cache-only groups keyed by layout and id.
 */
final class CacheJoin {

    record Spec(String uid, String modelName, String modelPath) {
    }

    record Result(Map<String, List<CacheEntry>> byUid, Map<String, List<CacheEntry>> cacheOnly) {
    }

    private CacheJoin() {
    }

    static Result join(List<Spec> specs, List<CacheEntry> entries) {
        Map<String, List<String>> byPath = new HashMap<>();
        Map<String, List<String>> byName = new HashMap<>();
        Map<String, List<String>> byLastSegment = new HashMap<>();
        for (Spec s : specs) {
            if (s.modelPath() != null && !s.modelPath().isBlank()) {
                byPath.computeIfAbsent(trimSlash(s.modelPath().trim()), k -> new ArrayList<>()).add(s.uid());
            }
            String name = s.modelName() == null ? "" : s.modelName();
            byName.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(s.uid());
            byLastSegment.computeIfAbsent(CachePaths.lastSegment(name), k -> new ArrayList<>()).add(name);
        }
        Map<String, List<CacheEntry>> byUid = new LinkedHashMap<>();
        Map<String, List<CacheEntry>> cacheOnly = new LinkedHashMap<>();
        for (CacheEntry e : entries) {
            List<String> owners = owners(e, byPath, byName, byLastSegment);
            if (owners.isEmpty()) {
                CachePaths.Origin o = CachePaths.origin(e);
                cacheOnly.computeIfAbsent(o.layout() + ":" + o.modelId(), k -> new ArrayList<>()).add(e);
            } else {
                owners.forEach(uid -> byUid.computeIfAbsent(uid, k -> new ArrayList<>()).add(e));
            }
        }
        return new Result(byUid, cacheOnly);
    }

    private static List<String> owners(CacheEntry e, Map<String, List<String>> byPath, Map<String, List<String>> byName,
                                       Map<String, List<String>> byLastSegment) {
        List<String> viaPath = byPath.get(trimSlash(e.cache_path() == null ? "" : e.cache_path()));
        if (viaPath != null) {
            return viaPath;
        }
        CachePaths.Origin o = CachePaths.origin(e);
        if (!o.plain()) {
            return byName.getOrDefault(o.modelId().toLowerCase(Locale.ROOT), List.of());
        }
        List<String> names = byLastSegment.getOrDefault(o.modelId(), List.of());
        // Unambiguous only when every spec with that last segment has the same full name.
        if (names.isEmpty() || names.stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct().count() != 1) {
            return List.of();
        }
        return byName.getOrDefault(names.get(0).toLowerCase(Locale.ROOT), List.of());
    }

    private static String trimSlash(String p) {
        return p.replaceAll("/+$", "");
    }
}
