package dev.nebula.catalog.nodes;

import dev.nebula.catalog.inventory.CachePaths;
import dev.nebula.catalog.inventory.ClusterView;
import dev.nebula.catalog.inventory.InventoryApi.ReplicaProgress;
import dev.nebula.catalog.inventory.InventoryApi.Row;
import dev.nebula.catalog.nebula.NebulaDtos.CacheEntry;
import dev.nebula.catalog.nebula.NebulaDtos.Placement;
import dev.nebula.catalog.nodes.NodesApi.CachedCopy;
import dev.nebula.catalog.nodes.NodesApi.CopyUser;
import dev.nebula.catalog.nodes.NodesApi.Reclaim;
import dev.nebula.catalog.web.Notice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Whether a cached copy can go without breaking anything, and how. Not safe: a model that uses it is deployed (Nebula
 * is to run it, or its engines are still stopping), a download into it is running, or two registered models use it
 * (Nebula deletes a model's files by name with no reference check, so deleting one takes the other's weights), or it
 * is already being removed. Safe: delete its one stopped model, or, for files no model uses, remove the directory on
 * the node (Nebula's API deletes registered models only).
 */
final class CopySafety {

    /** Desired running, or stopping: Nebula runs (or is still running) engines on these files. */
    static final Set<String> DEPLOYED = Set.of("running", "degraded", "starting", "downloading", "failed", "stopping");

    private CopySafety() {
    }

    static CachedCopy of(CacheEntry e, ClusterView view) {
        List<Row> users = view.usedBy().getOrDefault(e, List.of());
        Row cacheOnly = view.cacheOnly().get(e);
        boolean downloading = users.stream().anyMatch(r -> downloadingOn(r, e));
        boolean removing = cacheOnly != null && "removing".equals(cacheOnly.state());
        List<Notice> blocked = new ArrayList<>();
        for (Row r : users) {
            if (DEPLOYED.contains(r.state())) {
                blocked.add(Notice.of("deployed", r.model_uid() + " is " + r.state() + ": Nebula runs it on these files.",
                        "model_uid", r.model_uid(), "state", r.state()));
            }
        }
        if (downloading) {
            String uid = users.stream().filter(r -> downloadingOn(r, e)).map(Row::model_uid).findFirst().orElse("");
            blocked.add(Notice.of("downloading", uid + " is downloading into these files.", "model_uid", uid));
        }
        if (users.size() > 1) {
            String uids = String.join(", ", users.stream().map(Row::model_uid).toList());
            blocked.add(Notice.of("shared_by_models", "Used by " + uids + ": deleting one model deletes the files "
                    + "of the others too.", "model_uids", uids));
        }
        if (removing) {
            blocked.add(Notice.of("gc_pending", "The model was deleted; Nebula's garbage collection is removing "
                    + "these files."));
        }
        boolean safe = blocked.isEmpty();
        Reclaim reclaim = !safe ? null : users.isEmpty() ? new Reclaim("remove_on_node", null)
                : new Reclaim("delete_model", users.get(0).model_uid());
        String lastUsed = users.stream().map(Row::last_seen_running).filter(Objects::nonNull).map(Instant::parse)
                .max(Instant::compareTo).map(Instant::toString).orElse(null);
        return new CachedCopy(e.cache_path(), e.model_name(), CachePaths.origin(e).layout(), e.size_bytes(),
                e.file_count(), e.complete(), iso(e.last_accessed_ms()), lastUsed,
                users.stream().map(r -> new CopyUser(r.model_uid(), r.model_name(), r.state(), DEPLOYED.contains(r.state())))
                        .toList(), downloading, users.stream().anyMatch(r -> placedOn(r, e.node_id(), view)), safe,
                reclaim, List.copyOf(blocked));
    }

    /** A download record of the model on this node, or (records come and go) a partial copy of a downloading model. */
    private static boolean downloadingOn(Row r, CacheEntry e) {
        if (r.progress() != null) {
            for (ReplicaProgress p : r.progress().replicas()) {
                if (e.node_id().equals(p.node_id()) && "downloading".equals(p.phase())) {
                    return true;
                }
            }
        }
        return "downloading".equals(r.state()) && !e.complete();
    }

    /** A replica of the model serves or is placed on this node. */
    private static boolean placedOn(Row r, String node, ClusterView view) {
        if (r.endpoints().stream().anyMatch(ep -> node.equals(ep.node_id()))) {
            return true;
        }
        if (view.overview() == null || view.overview().placements() == null) {
            return false;
        }
        for (Placement p : view.overview().placements()) {
            if (r.model_uid().equals(p.model_uid()) && p.assignments() != null
                    && p.assignments().stream().anyMatch(a -> node.equals(a.node_id()))) {
                return true;
            }
        }
        return false;
    }

    static String iso(long ms) {
        return ms <= 0 ? null : Instant.ofEpochMilli(ms).toString();
    }
}
