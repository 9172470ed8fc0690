package dev.nebula.catalog.inventory;

import dev.nebula.catalog.inventory.InventoryApi.Row;
import dev.nebula.catalog.nebula.NebulaDtos.CacheEntry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One joined view of the cluster, immutable, served to every caller until the next refresh.
 *
 * @param copies     cache entries per registered uid (our join) and per cache-only row name
 * @param modelDirs  node id → model directory (Nebula only deletes files inside it)
 * @param liveNodes  null when liveness is unknown
 */
record Snapshot(Instant asOf, List<Row> rows, Map<String, Row> byUid, List<CacheJoin.Spec> specs,
                List<CacheEntry> entries, Map<String, List<CacheEntry>> copies, Map<String, String> modelDirs,
                Set<String> liveNodes) {

    Boolean alive(String node) {
        return liveNodes == null ? null : liveNodes.contains(node);
    }
}
