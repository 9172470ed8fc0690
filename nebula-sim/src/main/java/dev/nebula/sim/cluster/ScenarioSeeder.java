package dev.nebula.sim.cluster;

import dev.nebula.sim.scenario.Scenario;
import dev.nebula.sim.scenario.Scenario.ModelDef;
import dev.nebula.sim.wire.AlertType;
import dev.nebula.sim.wire.DiskAlert;
import dev.nebula.sim.wire.DesiredState;
import dev.nebula.sim.wire.EndpointInfo;
import dev.nebula.sim.wire.EndpointStatus;
import dev.nebula.sim.wire.ModelDeployment;
import dev.nebula.sim.wire.ModelSource;
import dev.nebula.sim.wire.ModelSpec;
import dev.nebula.sim.wire.PlacementAssignment;
import dev.nebula.sim.wire.PlacementPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Turns a {@link Scenario} into etcd records and disks at "now", as if the cluster had been running for a while.
 * States that are in motion (downloading, starting) continue through the normal lifecycle from there.
 */
final class ScenarioSeeder {
    private static final long MINUTE = 60_000L;
    private static final long TB = 1_000_000_000_000L;

    private final ClusterState state;
    private final NodeAgent agent;
    private final Placer placer;

    ScenarioSeeder(ClusterState state, NodeAgent agent) {
        this.state = state;
        this.agent = agent;
        this.placer = new Placer(state);
    }

    void seed(Scenario scenario, long nowMs) {
        for (Scenario.NodeDef n : scenario.nodes()) {
            long total = n.diskTotalBytes() != null ? n.diskTotalBytes() : 2 * TB;
            state.nodes.put(n.id(), new SimNode(n.id(), n.modelDir() != null ? n.modelDir()
                    : CacheLayout.DEFAULT_MODEL_DIR, total,
                    n.diskOtherUsedBytes() != null ? n.diskOtherUsedBytes() : total * 4 / 10,
                    n.gpus() != null ? n.gpus() : 8, n.gpuMemoryMb() != null ? n.gpuMemoryMb() : 81_559L,
                    !Boolean.FALSE.equals(n.alive()), nowMs - 7 * 24 * 60 * MINUTE));
        }
        for (Scenario.AlertDef a : scenario.alerts()) {
            seedAlert(a, nowMs);
        }
        for (Scenario.CacheDef c : scenario.cacheOnly()) {
            seedCacheOnly(c);
        }
        for (ModelDef m : scenario.models()) {
            seedModel(m, nowMs);
        }
    }

    private void seedAlert(Scenario.AlertDef a, long nowMs) {
        SimNode node = node(a.node());
        AlertType type = AlertType.fromWire(a.alertType());
        if (type == null) {
            throw new IllegalArgumentException("unknown scenario alert_type '" + a.alertType() + "'");
        }
        double pct = a.usagePct() != null ? a.usagePct() : type == AlertType.DISK_CRITICAL ? 96.0 : 88.0;
        long available = (long) (node.totalBytes * (100.0 - pct) / 100.0);
        long at = nowMs - (a.minutesAgo() != null ? a.minutesAgo() : 24 * 60) * MINUTE;
        node.alerts.put(type.wire(), new DiskAlert(node.id, type, NodeScanner.alertMessage(node.id, pct, available),
                node.modelDir, pct, available, at));
    }

    private void seedCacheOnly(Scenario.CacheDef c) {
        SimNode node = node(c.node());
        String layout = c.layout() == null ? "hugging_face" : c.layout();
        String path = c.path() != null ? c.path() : switch (layout) {
            case "hugging_face" -> CacheLayout.huggingFace(node.modelDir, c.name());
            case "model_scope" -> CacheLayout.modelScope(node.modelDir, c.name());
            default -> node.modelDir + "/" + c.name();
        };
        long size = c.sizeBytes() != null ? c.sizeBytes() : ModelSizes.derive(c.name());
        boolean complete = !Boolean.FALSE.equals(c.complete());
        long files = ModelSizes.fileCount(size);
        node.dirs.put(path, new DiskDir(CacheLayout.scannedName(node.modelDir, path), path, size,
                complete ? files : files / 2, complete));
    }

    private void seedModel(ModelDef m, long nowMs) {
        Objects.requireNonNull(m.name(), "scenario model without name");
        String uid = m.uid() != null ? m.uid() : UidRules.generate(m.name());
        if (m.sizeBytes() != null) {
            state.sizeByName.put(m.name(), m.sizeBytes());
        }
        if (m.downloadBytesPerSec() != null) {
            state.speedByUid.put(uid, m.downloadBytesPerSec());
        }
        long created = nowMs - (m.createdMinutesAgo() != null ? m.createdMinutesAgo() : 3 * 24 * 60) * MINUTE;
        ModelSpec spec = new ModelSpec(uid, m.name(), m.source() != null ? m.source() : ModelSource.HUGGING_FACE,
                m.modelPath(), m.engineType(), m.dockerImage(), m.config(),
                m.labels() != null ? new TreeMap<>(m.labels()) : new TreeMap<>(), created, created,
                m.createdBy() != null ? m.createdBy() : "admin");
        state.specs.put(uid, spec);
        for (String nodeId : m.cachedOn() != null ? m.cachedOn() : List.<String>of()) {
            completeCopy(node(nodeId), spec);
        }
        String s = m.state() != null ? m.state() : "stopped";
        long replicas = m.replicas() != null ? m.replicas() : 1;
        switch (s) {
            case "registered" -> { }
            case "stopped" -> state.deployments.put(uid, new ModelDeployment(uid, DesiredState.STOPPED, replicas,
                    null, null, null, null, null, 2, created + 60 * MINUTE));
            case "running", "degraded", "starting", "downloading", "failed" -> seedRunning(m, spec, s, replicas,
                    created, nowMs);
            default -> throw new IllegalArgumentException("unknown scenario state '" + s + "' for " + m.name());
        }
    }

    private void seedRunning(ModelDef m, ModelSpec spec, String s, long replicas, long created, long nowMs) {
        String uid = spec.modelUid();
        // a model seeded as "starting" was (re)started moments ago: older than Nebula's 5-minute timer it would be failed
        long deployedAt = "failed".equals(s) ? nowMs - 10 * MINUTE
                : "starting".equals(s) ? Math.max(created, nowMs - 5_000) : created;
        ModelDeployment d = new ModelDeployment(uid, DesiredState.RUNNING, replicas, null, null, null, null, null, 1,
                deployedAt);
        state.deployments.put(uid, d);
        List<SimNode> pinned = new ArrayList<>();
        for (String nodeId : m.nodes() != null ? m.nodes() : List.<String>of()) {
            pinned.add(node(nodeId));
        }
        PlacementPlan plan = pinned.isEmpty() ? placer.place(spec, d, deployedAt + 700)
                : placer.placeOn(pinned, spec, d, deployedAt + 700);
        if (plan == null) {
            return;
        }
        state.placements.put(uid, plan);
        int gen = state.bumpGeneration(uid);
        long size = agent.sizeOf(spec.modelName());
        for (PlacementAssignment a : plan.assignments()) {
            SimNode node = node(a.nodeId());
            switch (s) {
                case "running", "degraded" -> {
                    completeCopy(node, spec);
                    boolean sick = "degraded".equals(s) && a.replicaId() == plan.assignments().size() - 1;
                    state.endpointsOf(uid).put(String.valueOf(a.replicaId()), new EndpointInfo(uid, a.replicaId(),
                            plan.version(), a.nodeId(), "native_http", "openai",
                            sick ? EndpointStatus.UNHEALTHY : EndpointStatus.READY, nowMs, null,
                            "http://127.0.0.1:" + a.port()));
                }
                case "starting" -> {
                    completeCopy(node, spec);
                    agent.bootEngine(uid, gen, a, nowMs);
                }
                case "downloading" -> agent.beginDownload(spec, gen, a,
                        (long) (size * (m.downloadedFraction() != null ? m.downloadedFraction() : 0.1)), nowMs);
                default -> partialCopy(node, spec, size * 3 / 10); // failed: a download that died part-way
            }
        }
    }

    private void completeCopy(SimNode node, ModelSpec spec) {
        String path = CacheLayout.path(node.modelDir, spec.modelSource(), spec.modelName(), spec.modelPath());
        long size = agent.sizeOf(spec.modelName());
        node.dirs.put(path, new DiskDir(CacheLayout.scannedName(node.modelDir, path), path, size,
                ModelSizes.fileCount(size), true));
    }

    private void partialCopy(SimNode node, ModelSpec spec, long bytes) {
        String path = CacheLayout.path(node.modelDir, spec.modelSource(), spec.modelName(), spec.modelPath());
        long files = ModelSizes.fileCount(agent.sizeOf(spec.modelName()));
        node.dirs.put(path, new DiskDir(CacheLayout.scannedName(node.modelDir, path), path, bytes, files * 3 / 10,
                false));
    }

    private SimNode node(String id) {
        SimNode node = state.nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("scenario refers to unknown node '" + id + "'");
        }
        return node;
    }
}
