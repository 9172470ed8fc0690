package dev.nebula.sim.wire;

/**
 * etcd /download_progress/{uid}/{replica}. Only downloaded_bytes and files_done carry data; the other counters are
 * written as 0 / 0.0 by real nodes, and terminal writes zero everything (reference §10).
 */
public record DownloadProgress(
        String modelUid,
        int replicaId,
        String nodeId,
        String modelName,
        DownloadPhase phase,
        long totalBytes,
        long downloadedBytes,
        double progressPct,
        long speedBytesPerSec,
        long etaSeconds,
        long filesTotal,
        long filesDone,
        long updatedAtMs) {

    public static DownloadProgress write(String uid, int replica, String node, String name, DownloadPhase phase,
                                         long downloaded, long files, long nowMs) {
        return new DownloadProgress(uid, replica, node, name, phase, 0, downloaded, 0.0, 0, 0, 0, files, nowMs);
    }
}
