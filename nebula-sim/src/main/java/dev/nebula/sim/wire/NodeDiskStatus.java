package dev.nebula.sim.wire;

/** etcd /node_disk/{node}; no TTL, so dead nodes keep their last record. */
public record NodeDiskStatus(
        String nodeId,
        String modelDir,
        long totalBytes,
        long usedBytes,
        long availableBytes,
        double usagePct,
        long modelCacheBytes,
        long modelCount,
        long updatedAtMs) {
}
