package dev.nebula.sim.cluster;

import dev.nebula.sim.time.EventQueue;
import dev.nebula.sim.wire.AlertType;
import dev.nebula.sim.wire.DiskAlert;
import dev.nebula.sim.wire.ModelCacheEntry;
import dev.nebula.sim.wire.NodeDiskStatus;
import java.util.Iterator;
import java.util.Locale;

/**
 * The node's periodic scan (reference §6, §9): executes queued GC requests, then republishes cache entries, the disk
 * record and alerts from what is on disk. Alerts are written but never removed, as upstream.
 */
final class NodeScanner {
    private static final long GIB = 1L << 30;

    private final ClusterState state;
    private final EventQueue events;
    private final Timings timings;

    NodeScanner(ClusterState state, EventQueue events, Timings timings) {
        this.state = state;
        this.events = events;
        this.timings = timings;
    }

    /** Scans every node now, then live nodes keep scanning, staggered so they do not all publish at once. */
    void startScanning(long nowMs) {
        int i = 0;
        for (SimNode node : state.nodes.values()) {
            scan(node, nowMs);
            if (node.alive) {
                long offset = (i++ * 7_919L) % timings.scanIntervalMs();
                scheduleNext(node, nowMs + offset + 1);
            }
        }
    }

    private void scheduleNext(SimNode node, long atMs) {
        events.at(atMs, t -> {
            scan(node, t);
            scheduleNext(node, t + timings.scanIntervalMs());
        });
    }

    void scan(SimNode node, long nowMs) {
        if (node.crashedAtMs != null) {
            return; // a crashed node scans nothing until it is back
        }
        collectGarbage(node);
        node.published.clear();
        long cacheBytes = 0;
        for (DiskDir d : node.dirs.values()) {
            if (!CacheLayout.insideModelDir(node.modelDir, d.path)) {
                continue; // custom model_path roots are never scanned
            }
            boolean complete = d.complete || (state.scannerEarlyComplete && d.sizeBytes > 0
                    && d.path.contains("/.cache/huggingface/hub/models--"));
            node.published.put(d.modelName.replace("/", "--"), new ModelCacheEntry(node.id, d.modelName, d.path,
                    d.sizeBytes, d.fileCount, complete, nowMs, nowMs));
        }
        for (ModelCacheEntry e : node.published.values()) {
            cacheBytes += e.sizeBytes();
        }
        double pct = node.usagePct();
        node.disk = new NodeDiskStatus(node.id, node.modelDir, node.totalBytes, node.usedBytes(),
                node.availableBytes(), pct, cacheBytes, node.published.size(), nowMs);
        if (pct > 95.0) {
            alert(node, AlertType.DISK_CRITICAL, pct, nowMs);
        } else if (pct > 85.0) {
            alert(node, AlertType.DISK_WARNING, pct, nowMs);
        }
        state.touch();
    }

    private void collectGarbage(SimNode node) {
        for (SimNode.GcRequest req : node.pendingGc) {
            Iterator<DiskDir> it = node.dirs.values().iterator();
            while (it.hasNext()) {
                DiskDir d = it.next();
                if (CacheLayout.insideModelDir(node.modelDir, d.path)
                        && NameMatch.gc(d.modelName, d.path, req.modelName(), req.modelPath())) {
                    it.remove();
                }
            }
        }
        node.pendingGc.clear();
    }

    private static void alert(SimNode node, AlertType type, double pct, long nowMs) {
        node.alerts.put(type.wire(), new DiskAlert(node.id, type, alertMessage(node.id, pct, node.availableBytes()),
                node.modelDir, pct, node.availableBytes(), nowMs));
    }

    /** Upstream's text: "GB" is GiB, rounded down. */
    static String alertMessage(String nodeId, double pct, long availableBytes) {
        return String.format(Locale.ROOT, "Node %s model directory usage at %.1f%% (%d GB available)", nodeId, pct,
                availableBytes / GIB);
    }
}
