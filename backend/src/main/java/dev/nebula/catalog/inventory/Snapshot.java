package dev.nebula.catalog.inventory;

import dev.nebula.catalog.inventory.InventoryApi.Row;
import dev.nebula.catalog.nebula.NebulaDtos.CacheEntry;
import dev.nebula.catalog.nebula.NebulaDtos.DiskAlert;
import dev.nebula.catalog.nebula.NebulaDtos.NodeDisk;
import dev.nebula.catalog.nebula.NebulaDtos.Overview;

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
 * @param disks      every node's disk record (dead nodes' too)
 * @param overview   live nodes with GPUs and the placements; null when it could not be read
 * @param alerts     Nebula's disk alerts; null when they could not be read
 * @param pinned     the hub models imported through the catalog (provenance labels), each once
 */
record Snapshot(Instant asOf, List<Row> rows, Map<String, Row> byUid, List<CacheJoin.Spec> specs,
                List<CacheEntry> entries, Map<String, List<CacheEntry>> copies, Map<String, String> modelDirs,
                Set<String> liveNodes, List<NodeDisk> disks, Overview overview, List<DiskAlert> alerts,
                Map<String, Long> lastHeartbeats, List<UpstreamFacts.Pinned> pinned) {

    Boolean alive(String node) {
        return liveNodes == null ? null : liveNodes.contains(node);
    }
}
