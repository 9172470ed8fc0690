package dev.nebula.catalog.nodes;

import dev.nebula.catalog.inventory.Bytes;
import dev.nebula.catalog.inventory.ClusterView;
import dev.nebula.catalog.nebula.NebulaDtos.Assignment;
import dev.nebula.catalog.nebula.NebulaDtos.CacheEntry;
import dev.nebula.catalog.nebula.NebulaDtos.DiskAlert;
import dev.nebula.catalog.nebula.NebulaDtos.Gpu;
import dev.nebula.catalog.nebula.NebulaDtos.NodeDisk;
import dev.nebula.catalog.nebula.NebulaDtos.OverviewNode;
import dev.nebula.catalog.nebula.NebulaDtos.Placement;
import dev.nebula.catalog.nodes.NodesApi.CachedCopy;
import dev.nebula.catalog.nodes.NodesApi.ClusterNode;
import dev.nebula.catalog.nodes.NodesApi.ClusterNodes;
import dev.nebula.catalog.nodes.NodesApi.DiskUsage;
import dev.nebula.catalog.nodes.NodesApi.NodeAlert;
import dev.nebula.catalog.nodes.NodesApi.NodeGpu;
import dev.nebula.catalog.nodes.NodesApi.Totals;
import dev.nebula.catalog.web.Notice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The snapshot node by node: every node Nebula has a disk record, a heartbeat, files or alerts of (dead nodes too),
 * its GPUs and which placement holds each, its disk, its alerts deduplicated with their episodes, and its copies with
 * whether each is safe to reclaim. Blocking (the alert history may touch the database).
 */
@ApplicationScoped
public class NodeViews {

    @Inject
    AlertHistory history;

    ClusterNodes build(ClusterView view, Comparator<CachedCopy> order) {
        Map<String, NodeDisk> disks = new HashMap<>();
        view.disks().forEach(d -> disks.put(d.node_id(), d));
        Map<String, OverviewNode> live = new HashMap<>();
        if (view.overview() != null && view.overview().nodes() != null) {
            view.overview().nodes().forEach(n -> live.put(n.node_id(), n));
        }
        Map<String, List<CacheEntry>> entries = new HashMap<>();
        view.entries().forEach(e -> entries.computeIfAbsent(e.node_id(), k -> new ArrayList<>()).add(e));
        Map<String, List<DiskAlert>> alerts = new HashMap<>();
        if (view.alerts() != null) {
            view.alerts().forEach(a -> alerts.computeIfAbsent(a.node_id(), k -> new ArrayList<>()).add(a));
        }
        TreeSet<String> ids = new TreeSet<>(disks.keySet());
        ids.addAll(live.keySet());
        ids.addAll(entries.keySet());
        ids.addAll(alerts.keySet());
        Map<String, List<String>> heldBy = heldGpus(view);
        List<ClusterNode> nodes = new ArrayList<>();
        for (String id : ids) {
            List<CachedCopy> copies = entries.getOrDefault(id, List.of()).stream()
                    .map(e -> CopySafety.of(e, view)).sorted(order).toList();
            NodeDisk disk = disks.get(id);
            List<NodeAlert> nodeAlerts = alerts(id, alerts.getOrDefault(id, List.of()), disk);
            nodes.add(new ClusterNode(id, view.liveNodes() == null ? null : view.liveNodes().contains(id),
                    lastHeartbeat(id, live.get(id), view), disk == null ? null : CopySafety.iso(disk.updated_at_ms()),
                    disk == null ? null : disk.model_dir(), gpus(id, live.get(id), heldBy), usage(disk),
                    disk != null ? disk.model_cache_bytes() : copies.stream().mapToLong(CachedCopy::size_bytes).sum(),
                    copies.stream().filter(CachedCopy::safe_to_reclaim).mapToLong(CachedCopy::size_bytes).sum(),
                    level(nodeAlerts), nodeAlerts, copies));
        }
        return new ClusterNodes(nodes, totals(nodes), view.alerts() != null, view.overview() != null,
                view.asOf().toString(), view.stale());
    }

    private static String lastHeartbeat(String id, OverviewNode live, ClusterView view) {
        Long ms = live != null ? Long.valueOf(live.last_heartbeat_ms()) : view.lastHeartbeats().get(id);
        return ms == null ? null : CopySafety.iso(ms);
    }

    /** "node\ngpu" → uids whose placement holds that GPU. */
    private static Map<String, List<String>> heldGpus(ClusterView view) {
        Map<String, List<String>> held = new HashMap<>();
        if (view.overview() == null || view.overview().placements() == null) {
            return held;
        }
        for (Placement p : view.overview().placements()) {
            for (Assignment a : p.assignments() == null ? List.<Assignment>of() : p.assignments()) {
                for (int gpu : a.gpus()) {
                    held.computeIfAbsent(a.node_id() + "\n" + gpu, k -> new ArrayList<>()).add(p.model_uid());
                }
            }
        }
        return held;
    }

    private static List<NodeGpu> gpus(String id, OverviewNode live, Map<String, List<String>> heldBy) {
        if (live == null || live.gpus() == null) {
            return List.of();
        }
        return live.gpus().stream().sorted(Comparator.comparingInt(Gpu::index))
                .map(g -> new NodeGpu(g.index(), g.memory_total_mb(), g.memory_used_mb(), g.utilization_gpu(),
                        g.temperature_c(), heldBy.getOrDefault(id + "\n" + g.index(), List.of()).stream().distinct()
                                .sorted().toList()))
                .toList();
    }

    private static DiskUsage usage(NodeDisk d) {
        if (d == null) {
            return null;
        }
        double percent = d.total_bytes() <= 0 ? 0 : Math.min(100.0, Math.max(0.0, 100.0 * d.used_bytes() / d.total_bytes()));
        return new DiskUsage(d.total_bytes(), d.used_bytes(), d.available_bytes(), Math.round(percent * 10) / 10.0);
    }

    /**
     * One entry per alert type (Nebula keeps one record per node and type). An alert the node's last scan did not
     * write again is stale: the condition has passed, though Nebula still lists it.
     */
    private List<NodeAlert> alerts(String node, List<DiskAlert> raw, NodeDisk disk) {
        Map<String, DiskAlert> byType = new HashMap<>();
        for (DiskAlert a : raw) {
            byType.merge(a.alert_type(), a, (x, y) -> x.created_at_ms() >= y.created_at_ms() ? x : y);
        }
        List<NodeAlert> out = new ArrayList<>();
        for (DiskAlert a : byType.values()) {
            boolean active = disk == null || a.created_at_ms() >= disk.updated_at_ms();
            Instant lastSeen = Instant.ofEpochMilli(a.created_at_ms());
            Instant firstSeen = history.firstSeen(node, a.alert_type(), lastSeen, active);
            long percent = Math.round(a.usage_pct());
            out.add(new NodeAlert(a.alert_type(), active, firstSeen.toString(), lastSeen.toString(), a.usage_pct(),
                    a.available_bytes(), Notice.of(a.alert_type(), node + "'s model disk " + (active ? "is " : "was ")
                            + percent + " % full (" + Bytes.human(a.available_bytes()) + " free)"
                            + (active ? "." : " when last seen; the node's last scan found it below the threshold."),
                            "node", node, "percent", percent, "available_bytes", a.available_bytes())));
        }
        // active first, then the worse type first
        out.sort(Comparator.comparing((NodeAlert a) -> !a.active())
                .thenComparing(a -> "disk_critical".equals(a.alert_type()) ? 0 : 1));
        return out;
    }

    private static String level(List<NodeAlert> alerts) {
        return alerts.stream().filter(NodeAlert::active).map(NodeAlert::alert_type)
                .map(t -> t.replace("disk_", "").toLowerCase(Locale.ROOT))
                .min(Comparator.comparing(l -> "critical".equals(l) ? 0 : 1)).orElse("none");
    }

    private static Totals totals(List<ClusterNode> nodes) {
        int live = 0;
        int gpus = 0;
        long gpuTotal = 0;
        long gpuUsed = 0;
        long diskTotal = 0;
        long diskUsed = 0;
        long diskAvailable = 0;
        long cache = 0;
        int copies = 0;
        int safe = 0;
        long reclaimable = 0;
        long reclaimableDead = 0;
        int activeAlerts = 0;
        for (ClusterNode n : nodes) {
            boolean dead = Boolean.FALSE.equals(n.alive());
            live += Boolean.TRUE.equals(n.alive()) ? 1 : 0;
            for (NodeGpu g : n.gpus()) {
                gpus++;
                gpuTotal += g.memory_total_mb();
                gpuUsed += g.memory_used_mb();
            }
            if (n.disk() != null) {
                diskTotal += n.disk().total_bytes();
                diskUsed += n.disk().used_bytes();
                diskAvailable += n.disk().available_bytes();
            }
            cache += n.model_cache_bytes();
            copies += n.copies().size();
            safe += (int) n.copies().stream().filter(CachedCopy::safe_to_reclaim).count();
            if (dead) {
                reclaimableDead += n.reclaimable_bytes();
            } else {
                reclaimable += n.reclaimable_bytes();
            }
            activeAlerts += (int) n.alerts().stream().filter(NodeAlert::active).count();
        }
        return new Totals(nodes.size(), live, gpus, gpuTotal, gpuUsed, diskTotal, diskUsed, diskAvailable, cache,
                copies, safe, reclaimable, reclaimableDead, activeAlerts);
    }
}
