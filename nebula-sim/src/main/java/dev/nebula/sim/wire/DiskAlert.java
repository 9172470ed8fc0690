package dev.nebula.sim.wire;

/** etcd /alerts/{node}/{type}; never deleted, created_at_ms rewritten on every scan that still sees the condition. */
public record DiskAlert(
        String nodeId,
        AlertType alertType,
        String message,
        String modelDir,
        double usagePct,
        long availableBytes,
        long createdAtMs) {
}
