package dev.nebula.catalog.inventory;

import dev.nebula.catalog.inventory.InventoryApi.Row;
import dev.nebula.catalog.nebula.NebulaDtos.CacheEntry;
import dev.nebula.catalog.nebula.NebulaDtos.DiskAlert;
import dev.nebula.catalog.nebula.NebulaDtos.NodeDisk;
import dev.nebula.catalog.nebula.NebulaDtos.Overview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Block A's snapshot seen node by node, for the cache manager: the same refresh, the same strict join, so the two
 * never disagree about which model a directory belongs to.
 *
 * @param usedBy    the registered models each cache entry is joined to (by identity; absent: none)
 * @param cacheOnly the cache-only row of each entry no registered model uses
 * @param overview  null when Nebula's overview (liveness, GPUs, placements) could not be read
 * @param alerts    null when Nebula's alert list could not be read
 * @param liveNodes null when liveness is unknown
 */
public record ClusterView(Instant asOf, boolean stale, List<CacheEntry> entries, Map<CacheEntry, List<Row>> usedBy,
                          Map<CacheEntry, Row> cacheOnly, List<NodeDisk> disks, Overview overview,
                          List<DiskAlert> alerts, Set<String> liveNodes, Map<String, Long> lastHeartbeats) {

    static ClusterView of(Snapshot s, boolean stale) {
        Map<CacheEntry, List<Row>> usedBy = new IdentityHashMap<>();
        Map<CacheEntry, Row> cacheOnly = new IdentityHashMap<>();
        Map<String, Row> cacheOnlyRows = new HashMap<>();
        s.rows().stream().filter(r -> r.model_uid() == null).forEach(r -> cacheOnlyRows.put(r.model_name(), r));
        for (Map.Entry<String, List<CacheEntry>> group : s.copies().entrySet()) {
            String key = group.getKey();
            if (key.startsWith("cache-only:")) {
                Row row = cacheOnlyRows.get(key.substring("cache-only:".length()));
                group.getValue().forEach(e -> cacheOnly.put(e, row));
            } else {
                Row row = s.byUid().get(key);
                if (row != null) {
                    group.getValue().forEach(e -> usedBy.computeIfAbsent(e, k -> new ArrayList<>()).add(row));
                }
            }
        }
        return new ClusterView(s.asOf(), stale, s.entries(), usedBy, cacheOnly, s.disks(), s.overview(), s.alerts(),
                s.liveNodes(), s.lastHeartbeats());
    }
}
