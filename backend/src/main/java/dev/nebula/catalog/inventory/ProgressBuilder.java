package dev.nebula.catalog.inventory;

import dev.nebula.catalog.inventory.InventoryApi.Progress;
import dev.nebula.catalog.inventory.InventoryApi.ReplicaProgress;
import dev.nebula.catalog.nebula.NebulaDtos.DownloadProgress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns Nebula's download records (which carry only downloaded_bytes and files_done) into a truthful progress:
 * a percent only against a real expected total, never above 100; speed and ETA only from observed samples.
 */
final class ProgressBuilder {

    private ProgressBuilder() {
    }

    /** @param expectedTotal the full size of one copy, or null when nothing knows it */
    static Progress build(String uid, List<DownloadProgress> records, Long expectedTotal, DownloadSamples samples) {
        if (records == null || records.isEmpty()) {
            return null;
        }
        List<ReplicaProgress> replicas = new ArrayList<>();
        for (DownloadProgress r : records.stream().sorted(Comparator.comparingLong(DownloadProgress::replica_id)).toList()) {
            replicas.add(replica(uid, r, expectedTotal, samples));
        }
        String phase = replicas.stream().anyMatch(r -> "downloading".equals(r.phase())) ? "downloading"
                : replicas.stream().anyMatch(r -> "failed".equals(r.phase())) ? "failed" : "complete";
        long downloaded = replicas.stream().mapToLong(ReplicaProgress::downloaded_bytes).sum();
        long files = replicas.stream().mapToLong(ReplicaProgress::files_done).sum();
        Long total = expectedTotal == null ? null : expectedTotal * replicas.size();
        List<ReplicaProgress> active = replicas.stream().filter(r -> "downloading".equals(r.phase())).toList();
        Long speed = active.isEmpty() || active.stream().anyMatch(r -> r.speed_bytes_per_sec() == null) ? null
                : active.stream().mapToLong(ReplicaProgress::speed_bytes_per_sec).sum();
        Long eta = active.isEmpty() || active.stream().anyMatch(r -> r.eta_seconds() == null) ? null
                : active.stream().mapToLong(ReplicaProgress::eta_seconds).max().orElse(0);
        Double percent = "complete".equals(phase) ? Double.valueOf(100.0) : percent(downloaded, total);
        return new Progress(phase, percent, downloaded, total, total != null, speed, eta, files, null, replicas);
    }

    private static ReplicaProgress replica(String uid, DownloadProgress r, Long total, DownloadSamples samples) {
        String phase = r.phase();
        long bytes = r.downloaded_bytes();
        Double speed = null;
        if ("downloading".equals(phase) || "verifying".equals(phase)) {
            speed = samples.record(uid, r.replica_id(), r.updated_at_ms(), bytes);
        } else {
            // Terminal records zero their counters: report what we last saw instead of a misleading 0.
            Long last = samples.lastBytes(uid, r.replica_id());
            bytes = last == null ? 0 : last;
        }
        Long speedL = speed == null ? null : Math.round(speed);
        Long eta = null;
        if (speedL != null && speedL > 0 && total != null && "downloading".equals(phase)) {
            eta = (long) Math.ceil(Math.max(0, total - bytes) / (double) speedL);
        }
        Double percent = "complete".equals(phase) ? Double.valueOf(100.0) : percent(bytes, total);
        return new ReplicaProgress(r.replica_id(), r.node_id(), phase, percent, bytes, total,
                "downloading".equals(phase) ? speedL : null, eta, r.files_done(),
                r.updated_at_ms() > 0 ? Instant.ofEpochMilli(r.updated_at_ms()).toString() : null);
    }

    static Double percent(long downloaded, Long total) {
        if (total == null || total <= 0) {
            return null;
        }
        double p = downloaded * 100.0 / total;
        // A copy can outgrow the expected size (extra files); never claim more than done.
        return Math.round(Math.min(100.0, p) * 10) / 10.0;
    }
}
