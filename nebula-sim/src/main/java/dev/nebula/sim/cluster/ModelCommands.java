package dev.nebula.sim.cluster;

import dev.nebula.sim.wire.DesiredState;
import dev.nebula.sim.wire.ModelDeployment;
import dev.nebula.sim.wire.ModelSource;
import dev.nebula.sim.wire.ModelSpec;
import java.util.Map;
import java.util.TreeMap;

/** The etcd writes of the BFF's v2 model handlers (reference §5.3-5.8), role checks excluded. */
public final class ModelCommands {
    private final ClusterState state;
    private final Lifecycle lifecycle;

    ModelCommands(ClusterState state, Lifecycle lifecycle) {
        this.state = state;
        this.lifecycle = lifecycle;
    }

    public ModelSpec create(ModelRequests.Create r, String username, long nowMs) {
        String uid = r.modelUid() != null ? r.modelUid() : UidRules.generate(r.modelName());
        if (r.modelUid() != null && !UidRules.valid(uid)) {
            throw new Problem(400, "invalid_model_uid",
                    "model_uid must match [a-z0-9][a-z0-9-]* and be at most 63 chars");
        }
        if (state.specs.containsKey(uid)) {
            throw new Problem(409, "model_exists", "model with uid '" + uid + "' already exists");
        }
        ModelSpec spec = new ModelSpec(uid, r.modelName(),
                r.modelSource() != null ? r.modelSource() : ModelSource.HUGGING_FACE, r.modelPath(), r.engineType(),
                r.dockerImage(), r.config(), r.labels() != null ? new TreeMap<>(r.labels()) : new TreeMap<>(),
                nowMs, nowMs, username);
        state.specs.put(uid, spec);
        state.touch();
        if (Boolean.TRUE.equals(r.autoStart())) {
            state.deployments.put(uid, new ModelDeployment(uid, DesiredState.RUNNING,
                    r.replicas() != null ? r.replicas() : 1, null, null, r.nodeId(), r.gpuIndices(), null, 1, nowMs));
            lifecycle.deploymentWritten(uid, nowMs);
        }
        return spec;
    }

    /** Merge: present and non-null replaces; labels/config replace whole objects; nothing can be cleared. */
    public ModelSpec update(String uid, ModelRequests.Update r, long nowMs) {
        ModelSpec s = requireSpec(uid);
        Map<String, String> labels = r.labels() != null ? new TreeMap<>(r.labels()) : s.labels();
        ModelSpec updated = new ModelSpec(uid, or(r.modelName(), s.modelName()), or(r.modelSource(), s.modelSource()),
                or(r.modelPath(), s.modelPath()), or(r.engineType(), s.engineType()),
                or(r.dockerImage(), s.dockerImage()), or(r.config(), s.config()), labels, s.createdAtMs(), nowMs,
                s.createdBy());
        state.specs.put(uid, updated);
        state.touch();
        return updated;
    }

    public ModelDeployment start(String uid, ModelRequests.Start r, long nowMs) {
        requireSpec(uid);
        ModelDeployment old = state.deployments.get(uid);
        ModelDeployment d = old == null
                ? new ModelDeployment(uid, DesiredState.RUNNING, r.replicas() != null ? r.replicas() : 1, null, null,
                r.nodeId(), r.gpuIndices(), r.configOverrides(), 1, nowMs)
                : old.with(DesiredState.RUNNING, or(r.replicas(), old.replicas()), or(r.nodeId(), old.nodeAffinity()),
                or(r.gpuIndices(), old.gpuAffinity()), or(r.configOverrides(), old.configOverrides()),
                old.version() + 1, nowMs);
        return write(d, nowMs);
    }

    public ModelDeployment stop(String uid, long nowMs) {
        requireSpec(uid);
        ModelDeployment old = state.deployments.get(uid);
        ModelDeployment d = old == null
                ? new ModelDeployment(uid, DesiredState.STOPPED, 0, null, null, null, null, null, 1, nowMs)
                : old.with(DesiredState.STOPPED, old.replicas(), old.nodeAffinity(), old.gpuAffinity(),
                old.configOverrides(), old.version() + 1, nowMs);
        return write(d, nowMs);
    }

    /** Checks the deployment, not the spec, as upstream does. */
    public ModelDeployment scale(String uid, long replicas, long nowMs) {
        ModelDeployment old = state.deployments.get(uid);
        if (old == null) {
            throw new Problem(404, "not_found", "deployment not found (model may not be started)");
        }
        if (old.desiredState() == DesiredState.STOPPED) {
            throw new Problem(409, "model_stopped", "cannot scale a stopped model; start it first");
        }
        return write(old.with(DesiredState.RUNNING, replicas, old.nodeAffinity(), old.gpuAffinity(),
                old.configOverrides(), old.version() + 1, nowMs), nowMs);
    }

    /** Queues GC on every node with a disk record (dead ones too), then deletes the keys; returns the GC count. */
    public long delete(String uid, long nowMs) {
        ModelSpec spec = requireSpec(uid);
        long queued = 0;
        for (SimNode node : state.nodes.values()) {
            if (node.disk != null) {
                node.pendingGc.add(new SimNode.GcRequest(uid, spec.modelName(), spec.modelPath(), nowMs));
                queued++;
            }
        }
        state.specs.remove(uid);
        state.deployments.remove(uid);
        state.placements.remove(uid);
        state.endpoints.remove(uid);
        lifecycle.forget(uid); // download progress is left to expire by its lease, as upstream
        state.touch();
        return queued;
    }

    private ModelDeployment write(ModelDeployment d, long nowMs) {
        state.deployments.put(d.modelUid(), d);
        lifecycle.deploymentWritten(d.modelUid(), nowMs);
        return d;
    }

    private ModelSpec requireSpec(String uid) {
        ModelSpec s = state.specs.get(uid);
        if (s == null) {
            throw Problem.modelNotFound();
        }
        return s;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
