package dev.nebula.catalog.inventory;

import dev.nebula.catalog.nebula.NebulaDtos.CacheSummary;
import dev.nebula.catalog.nebula.NebulaDtos.ModelDetail;
import dev.nebula.catalog.nebula.NebulaDtos.ModelView;
import dev.nebula.catalog.nebula.NebulaDtos.DiskAlert;
import dev.nebula.catalog.nebula.NebulaDtos.Overview;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one refresh read from Nebula, before joining.
 *
 * @param liveNodes nodes with a heartbeat, or null when the overview could not be read (liveness unknown)
 * @param details   model details fetched this round (only for models whose state or spec needed one)
 * @param specs     what is known of each spec that the list view lacks (source, model_path)
 * @param lastHeartbeats the last heartbeat (epoch ms) seen of every node this process has seen in an overview,
 *                  kept after the node left it: what says when a crashed node stopped reporting
 * @param overview  live nodes with their GPUs, and the placements (which GPUs each replica holds); null when it
 *                  could not be read
 * @param alerts    Nebula's disk alerts, or null when they could not be read (the cache manager says so)
 */
record NebulaState(Instant readAt, List<ModelView> models, CacheSummary summary, Set<String> liveNodes,
                   Map<String, ModelDetail> details, Map<String, SpecFacts> specs, Map<String, Long> lastHeartbeats,
                   Overview overview, List<DiskAlert> alerts) {

    /** Spec facts that only the detail view carries, remembered until the spec changes. */
    record SpecFacts(String source, String modelPath, Long updatedAtMs) {
    }
}
