package dev.nebula.sim.wire;

/** etcd /model_cache/{node}/{name with / as --}. Both timestamps are the scan time, not access/discovery times. */
public record ModelCacheEntry(
        String nodeId,
        String modelName,
        String cachePath,
        long sizeBytes,
        long fileCount,
        boolean complete,
        long lastAccessedMs,
        long discoveredAtMs) {
}
