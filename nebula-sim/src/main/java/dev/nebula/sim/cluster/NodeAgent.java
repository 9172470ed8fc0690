package dev.nebula.sim.cluster;

import dev.nebula.sim.chaos.FailureKind;
import dev.nebula.sim.chaos.FailureRules;
import dev.nebula.sim.time.EventQueue;
import dev.nebula.sim.wire.DownloadPhase;
import dev.nebula.sim.wire.DownloadProgress;
import dev.nebula.sim.wire.EndpointInfo;
import dev.nebula.sim.wire.EndpointStatus;
import dev.nebula.sim.wire.ModelSource;
import dev.nebula.sim.wire.ModelSpec;
import dev.nebula.sim.wire.PlacementAssignment;
import dev.nebula.sim.wire.PlacementPlan;

/**
 * What a node does for one placed replica: download unless a complete copy is on disk, then boot the engine and
 * publish its endpoint. Every scheduled step re-checks the model's lifecycle generation, so a stop, re-plan or delete
 * silently cancels the old work, and a progress record that is no longer rewritten expires by its lease.
 */
final class NodeAgent {
    private final ClusterState state;
    private final EventQueue events;
    private final Timings timings;
    private final FailureRules rules;

    NodeAgent(ClusterState state, EventQueue events, Timings timings, FailureRules rules) {
        this.state = state;
        this.events = events;
        this.timings = timings;
        this.rules = rules;
    }

    void launch(String uid, int gen, PlacementAssignment a, long nowMs) {
        ModelSpec spec = state.specs.get(uid);
        SimNode node = state.nodes.get(a.nodeId());
        if (spec == null || node == null) {
            return;
        }
        if (spec.modelSource() == ModelSource.LOCAL) {
            DiskDir local = node.dirs.get(CacheLayout.path(node.modelDir, ModelSource.LOCAL, spec.modelName(),
                    spec.modelPath()));
            if (local != null && local.complete) {
                bootEngine(uid, gen, a, nowMs);
            } // no files on this node: the engine never comes up, so the model fails after the timer
            return;
        }
        if (node.completeCopyOf(spec.modelName()) != null) {
            bootEngine(uid, gen, a, nowMs); // cached: no progress key at all
        } else if (node.usagePct() > 95.0) {
            writeProgress(spec, a, DownloadPhase.FAILED, 0, 0, nowMs); // the node refuses to download
        } else {
            beginDownload(spec, gen, a, 0, nowMs);
        }
    }

    /** Also used by scenarios to resume a half-finished download at start-up. */
    void beginDownload(ModelSpec spec, int gen, PlacementAssignment a, long alreadyBytes, long nowMs) {
        SimNode node = state.nodes.get(a.nodeId());
        String path = CacheLayout.path(node.modelDir, spec.modelSource(), spec.modelName(), spec.modelPath());
        DiskDir dir = node.dirs.computeIfAbsent(path,
                p -> new DiskDir(CacheLayout.scannedName(node.modelDir, p), p, 0, 0, false));
        dir.sizeBytes = Math.max(dir.sizeBytes, alreadyBytes);
        writeProgress(spec, a, DownloadPhase.DOWNLOADING, 0, 0, nowMs); // the first write carries 0 bytes
        events.at(nowMs + timings.progressTickMs(), t -> tick(spec.modelUid(), gen, a, path, t));
    }

    private void tick(String uid, int gen, PlacementAssignment a, String path, long nowMs) {
        if (crashed(a)) {
            return; // the download died with the node; its progress key expires on its lease
        }
        ModelSpec spec = state.specs.get(uid);
        SimNode node = state.nodes.get(a.nodeId());
        if (spec == null || state.generation(uid) != gen) {
            return;
        }
        long total = sizeOf(spec.modelName());
        long files = ModelSizes.fileCount(total);
        DiskDir dir = node.dirs.computeIfAbsent(path,
                p -> new DiskDir(CacheLayout.scannedName(node.modelDir, p), p, 0, 0, false));
        long speed = state.speedByUid.getOrDefault(uid, timings.downloadBytesPerSec());
        dir.sizeBytes = Math.min(total, dir.sizeBytes + speed * timings.progressTickMs() / 1000);
        dir.fileCount = files * dir.sizeBytes / total;
        if (rules.applies(FailureKind.DOWNLOAD_FAIL, spec.modelName()) && dir.sizeBytes >= total * 3 / 10) {
            writeProgress(spec, a, DownloadPhase.FAILED, 0, 0, nowMs); // terminal writes zero the counters
            return;
        }
        if (dir.sizeBytes >= total) {
            dir.complete = true;
            dir.fileCount = files;
            writeProgress(spec, a, DownloadPhase.COMPLETE, 0, 0, nowMs);
            bootEngine(uid, gen, a, nowMs);
            return;
        }
        writeProgress(spec, a, DownloadPhase.DOWNLOADING, dir.sizeBytes, dir.fileCount, nowMs);
        events.at(nowMs + timings.progressTickMs(), t -> tick(uid, gen, a, path, t));
    }

    void bootEngine(String uid, int gen, PlacementAssignment a, long nowMs) {
        events.at(nowMs + timings.engineBootMs(), t -> {
            PlacementPlan plan = state.placements.get(uid);
            if (state.generation(uid) != gen || plan == null || crashed(a)) {
                return;
            }
            state.endpointsOf(uid).put(String.valueOf(a.replicaId()), new EndpointInfo(uid, a.replicaId(),
                    plan.version(), a.nodeId(), "native_http", "openai", EndpointStatus.STARTING, t, null,
                    "http://127.0.0.1:" + a.port()));
            events.at(t + timings.engineReadyMs(), ready -> finishBoot(uid, gen, a, plan, ready));
        });
    }

    private void finishBoot(String uid, int gen, PlacementAssignment a, PlacementPlan plan, long nowMs) {
        EndpointInfo e = state.endpointsOf(uid).get(String.valueOf(a.replicaId()));
        if (state.generation(uid) != gen || e == null || crashed(a)) {
            return;
        }
        boolean sick = isUnhealthyReplica(state.specs.get(uid).modelName(), plan, a.replicaId());
        state.endpointsOf(uid).put(String.valueOf(a.replicaId()),
                e.withStatus(sick ? EndpointStatus.UNHEALTHY : EndpointStatus.READY).withHeartbeat(nowMs));
    }

    /** The unhealthy rule hits the last replica only, so a 2-replica model is degraded and a 1-replica one starting. */
    private boolean crashed(PlacementAssignment a) {
        SimNode node = state.nodes.get(a.nodeId());
        return node != null && node.crashedAtMs != null;
    }

    boolean isUnhealthyReplica(String modelName, PlacementPlan plan, int replicaId) {
        return rules.applies(FailureKind.UNHEALTHY, modelName) && replicaId == plan.assignments().size() - 1;
    }

    void writeProgress(ModelSpec spec, PlacementAssignment a, DownloadPhase phase, long bytes, long files,
                       long nowMs) {
        DownloadProgress p = DownloadProgress.write(spec.modelUid(), a.replicaId(), a.nodeId(), spec.modelName(),
                phase, bytes, files, nowMs);
        state.progress.computeIfAbsent(spec.modelUid(), k -> new java.util.TreeMap<>())
                .put(String.valueOf(a.replicaId()), new ClusterState.Expiring(p, nowMs + timings.progressTtlMs()));
    }

    long sizeOf(String modelName) {
        return state.sizeByName.getOrDefault(modelName, ModelSizes.derive(modelName));
    }
}
