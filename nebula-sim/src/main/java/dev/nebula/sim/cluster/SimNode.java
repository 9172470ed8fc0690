package dev.nebula.sim.cluster;

import dev.nebula.sim.wire.DiskAlert;
import dev.nebula.sim.wire.ModelCacheEntry;
import dev.nebula.sim.wire.NodeDiskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A GPU node. It keeps two views apart on purpose: {@link #dirs} is what is on disk right now, while
 * {@link #published}, {@link #disk} and {@link #alerts} are the etcd records of its last scan, which lag behind by up
 * to a scan interval exactly as in Nebula.
 */
final class SimNode {
    final String id;
    final String modelDir;
    final long totalBytes;
    /** Bytes used by things other than model directories (OS, datasets, ...). */
    final long otherUsedBytes;
    final int gpuCount;
    final long gpuMemoryMb;
    /** A dead node neither heartbeats nor scans nor gets placements, but its disk records stay (no TTL). */
    boolean alive;
    /** When a running node crashed (stopped heartbeating); null for a node that never crashed at run time. */
    Long crashedAtMs;
    final long bornAtMs;

    final TreeMap<String, DiskDir> dirs = new TreeMap<>();
    /** Keyed like etcd: model_name with "/" replaced by "--"; two layouts of one name collide, as upstream. */
    final TreeMap<String, ModelCacheEntry> published = new TreeMap<>();
    final TreeMap<String, DiskAlert> alerts = new TreeMap<>();
    final List<GcRequest> pendingGc = new ArrayList<>();
    NodeDiskStatus disk;
    int nextPort = 10814;

    /** etcd /model_gc_requests/{node}/{uid}. */
    record GcRequest(String modelUid, String modelName, String modelPath, long requestedAtMs) {
    }

    SimNode(String id, String modelDir, long totalBytes, long otherUsedBytes, int gpuCount, long gpuMemoryMb,
            boolean alive, long bornAtMs) {
        this.id = id;
        this.modelDir = modelDir;
        this.totalBytes = totalBytes;
        this.otherUsedBytes = otherUsedBytes;
        this.gpuCount = gpuCount;
        this.gpuMemoryMb = gpuMemoryMb;
        this.alive = alive;
        this.bornAtMs = bornAtMs;
    }

    long usedBytes() {
        long used = otherUsedBytes;
        for (DiskDir d : dirs.values()) {
            used += d.sizeBytes;
        }
        return Math.min(used, totalBytes);
    }

    long availableBytes() {
        return totalBytes - usedBytes();
    }

    double usagePct() {
        return totalBytes == 0 ? 0.0 : usedBytes() * 100.0 / totalBytes;
    }

    /** A complete copy of the model in any layout the node checks before downloading (reference §10). */
    DiskDir completeCopyOf(String modelName) {
        for (String path : CacheLayout.candidatePaths(modelDir, modelName)) {
            DiskDir d = dirs.get(path);
            if (d != null && d.complete) {
                return d;
            }
        }
        return null;
    }

    /** Nodes heartbeat about every 3 s; report the last beat before now. */
    long lastHeartbeat(long nowMs) {
        long until = crashedAtMs == null ? nowMs : Math.min(nowMs, crashedAtMs);
        return bornAtMs + Math.max(0, (until - bornAtMs) / 3000) * 3000;
    }

    /** Nebula's /nodes/* and /endpoints/* keys live on a 60 s lease the heartbeat refreshes. */
    static final long LEASE_MS = 60_000;

    /** A crashed node whose lease has run out: its node record and endpoints are gone from etcd. */
    boolean leaseExpired(long nowMs) {
        return crashedAtMs != null && nowMs >= lastHeartbeat(nowMs) + LEASE_MS;
    }
}
