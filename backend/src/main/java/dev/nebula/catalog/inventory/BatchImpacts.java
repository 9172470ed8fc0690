package dev.nebula.catalog.inventory;

import dev.nebula.catalog.inventory.InventoryApi.AffectedModel;
import dev.nebula.catalog.inventory.InventoryApi.BatchDeleteImpact;
import dev.nebula.catalog.inventory.InventoryApi.DeleteImpact;
import dev.nebula.catalog.nebula.NebulaDtos.CacheEntry;
import dev.nebula.catalog.web.Notice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several deletes at once, as one impact: each model's own impact (Nebula's rule, {@link DeleteImpacts}), and their
 * union with every file counted once (two models of one name match the same files), the replicas stopped, and the
 * models outside the batch that lose files.
 */
final class BatchImpacts {

    private BatchImpacts() {
    }

    /** What the user types to confirm: plain ASCII, the same in every language, naming how many models go. */
    static String phrase(int count) {
        return "delete " + count + (count == 1 ? " model" : " models");
    }

    static BatchDeleteImpact of(Snapshot s, List<String> uids, boolean stale) {
        List<DeleteImpact> impacts = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String uid : uids) {
            if (s.byUid().containsKey(uid)) {
                impacts.add(DeleteImpacts.of(s, uid, stale));
            } else {
                unknown.add(uid);
            }
        }
        List<CacheEntry> files = doomed(s, impacts.stream().map(DeleteImpact::model_uid).toList());
        Set<String> nodes = new LinkedHashSet<>();
        files.forEach(e -> nodes.add(e.node_id()));
        Set<String> inBatch = Set.copyOf(uids);
        Map<String, AffectedModel> affected = new LinkedHashMap<>();
        Set<String> cacheOnly = new LinkedHashSet<>();
        Map<String, Notice> notes = new LinkedHashMap<>();
        long running = 0;
        for (DeleteImpact i : impacts) {
            i.affected_models().stream().filter(a -> !inBatch.contains(a.model_uid()))
                    .forEach(a -> affected.putIfAbsent(a.model_uid(), a));
            cacheOnly.addAll(i.affected_cache_only());
            i.notes().forEach(n -> notes.putIfAbsent(n.code() + n.params(), n));
            running += i.running_replicas();
        }
        return new BatchDeleteImpact(impacts, unknown, InventoryService.copies(s, files), List.copyOf(nodes),
                freed(s, files), running, List.copyOf(affected.values()), List.copyOf(cacheOnly),
                List.copyOf(notes.values()), phrase(uids.size()), s.asOf().toString(), stale);
    }

    /** The files the deletes of {@code uids} remove, each once. */
    static List<CacheEntry> doomed(Snapshot s, List<String> uids) {
        Map<String, CacheEntry> unique = new LinkedHashMap<>();
        for (String uid : uids) {
            DeleteImpacts.doomed(s, uid).forEach(e -> unique.putIfAbsent(e.node_id() + "\n" + e.cache_path(), e));
        }
        return List.copyOf(unique.values());
    }

    /** Bytes freed by removing {@code files}: live nodes, inside their model directory. */
    static long freed(Snapshot s, List<CacheEntry> files) {
        return files.stream().filter(e -> DeleteImpacts.kept(s, e) == null).mapToLong(CacheEntry::size_bytes).sum();
    }
}
