package dev.nebula.catalog.inventory;

import dev.nebula.catalog.inventory.InventoryApi.AffectedModel;
import dev.nebula.catalog.inventory.InventoryApi.CacheCopy;
import dev.nebula.catalog.inventory.InventoryApi.DeleteImpact;
import dev.nebula.catalog.inventory.InventoryApi.Row;
import dev.nebula.catalog.nebula.NebulaDtos.CacheEntry;
import dev.nebula.catalog.web.Notice;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Nebula's delete will really remove. Nebula does not use our careful join here: at each node's next scan it
 * deletes every cache entry whose name equals the spec's model name, or equals its last segment, or whose last
 * segment equals the model name (case-sensitive), or whose path is the spec's model_path, on EVERY node, inside the
 * node's model directory only, with no check that another model still uses the files (reference §5.5).
 */
final class DeleteImpacts {

    private DeleteImpacts() {
    }

    static DeleteImpact of(Snapshot s, String uid, boolean stale) {
        Row row = s.byUid().get(uid);
        CacheJoin.Spec spec = spec(s, uid);
        List<CacheEntry> doomed = doomed(s, uid);
        List<Notice> notes = new ArrayList<>();
        List<CacheEntry> removable = new ArrayList<>();
        for (CacheEntry e : doomed) {
            Notice kept = kept(s, e);
            if (kept != null) {
                notes.add(kept);
            } else {
                removable.add(e);
            }
        }
        long freed = removable.stream().mapToLong(CacheEntry::size_bytes).sum();
        Set<String> nodes = new LinkedHashSet<>();
        doomed.forEach(e -> nodes.add(e.node_id()));
        List<AffectedModel> affected = new ArrayList<>();
        for (CacheJoin.Spec other : s.specs()) {
            if (other.uid().equals(uid)) {
                continue;
            }
            List<CacheEntry> theirs = s.copies().getOrDefault(other.uid(), List.of());
            List<String> shared = theirs.stream().filter(doomed::contains).map(CacheEntry::node_id).distinct().toList();
            boolean sameName = other.modelName() != null && other.modelName().equals(spec.modelName());
            if (!shared.isEmpty() || sameName) {
                Row r = s.byUid().get(other.uid());
                affected.add(new AffectedModel(other.uid(), other.modelName(), r == null ? null : r.state(), shared,
                        sameName ? Notice.of("same_model_name", "same model_name: Nebula deletes the files both use")
                                : Notice.of("shares_files", "uses files that this delete removes")));
            }
        }
        List<String> cacheOnly = new ArrayList<>();
        for (Map.Entry<String, List<CacheEntry>> group : s.copies().entrySet()) {
            if (group.getKey().startsWith("cache-only:") && group.getValue().stream().anyMatch(doomed::contains)) {
                cacheOnly.add(group.getKey().substring("cache-only:".length()));
            }
        }
        long running = row.replicas() == null ? 0 : row.replicas().ready() + row.replicas().unhealthy();
        if (running > 0) {
            notes.add(Notice.of("replicas_serving", running + " replica(s) are serving now; Nebula stops them as part "
                    + "of the delete.", "count", running));
        }
        List<CacheCopy> files = InventoryService.copies(s, doomed);
        return new DeleteImpact(uid, row.model_name(), row.state(), running, files, List.copyOf(nodes), freed,
                affected, cacheOnly, notes, s.asOf().toString(), stale);
    }

    /** Every cache entry Nebula's delete of {@code uid} removes, on every node. */
    static List<CacheEntry> doomed(Snapshot s, String uid) {
        CacheJoin.Spec spec = spec(s, uid);
        return s.entries().stream().filter(e -> nebulaDeletes(spec, e)).toList();
    }

    private static CacheJoin.Spec spec(Snapshot s, String uid) {
        return s.specs().stream().filter(x -> x.uid().equals(uid)).findFirst().orElseThrow();
    }

    /** Why Nebula's delete leaves a matching entry for now (outside the model dir, a dead node); null: it goes. */
    static Notice kept(Snapshot s, CacheEntry e) {
        String dir = s.modelDirs().get(e.node_id());
        if (dir != null && !e.cache_path().startsWith(dir.replaceAll("/+$", "") + "/")) {
            return Notice.of("outside_model_dir", e.cache_path() + " on " + e.node_id()
                    + " is outside the node's model directory; Nebula leaves it.", "path", e.cache_path(), "node", e.node_id());
        }
        if (Boolean.FALSE.equals(s.alive(e.node_id()))) {
            return Notice.of("node_not_alive", e.node_id() + " is not alive: its files (" + e.cache_path()
                    + ") are deleted only when it returns.", "node", e.node_id(), "path", e.cache_path());
        }
        return null;
    }

    /** Nebula's node-side GC rule (node/model_cache_manager.rs), deliberately reproduced as is. */
    static boolean nebulaDeletes(CacheJoin.Spec spec, CacheEntry e) {
        String name = spec.modelName() == null ? "" : spec.modelName();
        String entry = e.model_name() == null ? "" : e.model_name();
        String last = CachePaths.lastSegment(name);
        if (entry.equals(name) || entry.equals(last) || CachePaths.lastSegment(entry).equals(name)) {
            return true;
        }
        return spec.modelPath() != null && !spec.modelPath().isBlank()
                && spec.modelPath().trim().equals(e.cache_path());
    }
}
