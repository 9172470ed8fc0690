package dev.nebula.sim.cluster;

/**
 * A model directory on a node's disk: the "filesystem truth" that the node's 60 s scan publishes as a cache entry.
 * Mutable because a download grows it in place.
 */
final class DiskDir {
    final String modelName;
    final String path;
    long sizeBytes;
    long fileCount;
    boolean complete;

    DiskDir(String modelName, String path, long sizeBytes, long fileCount, boolean complete) {
        this.modelName = modelName;
        this.path = path;
        this.sizeBytes = sizeBytes;
        this.fileCount = fileCount;
        this.complete = complete;
    }
}
