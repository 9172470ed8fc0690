package dev.nebula.sim.cluster;

import dev.nebula.sim.wire.DownloadProgress;
import dev.nebula.sim.wire.EndpointInfo;
import dev.nebula.sim.wire.ModelDeployment;
import dev.nebula.sim.wire.ModelSpec;
import dev.nebula.sim.wire.PlacementPlan;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulated etcd plus per-node disks. Maps that Nebula lists by etcd prefix are TreeMaps so iteration order is
 * etcd key order (e.g. replicas sorted as strings: "10" before "2"). Only touched under the {@link Simulation} lock.
 */
final class ClusterState {
    final TreeMap<String, ModelSpec> specs = new TreeMap<>();
    final Map<String, ModelDeployment> deployments = new HashMap<>();
    final TreeMap<String, PlacementPlan> placements = new TreeMap<>();
    final Map<String, TreeMap<String, EndpointInfo>> endpoints = new HashMap<>();
    final Map<String, TreeMap<String, Expiring>> progress = new HashMap<>();
    final TreeMap<String, SimNode> nodes = new TreeMap<>();
    /**
     * Upstream's scanner calls a Hugging Face copy complete as soon as {@code snapshots/} and a {@code config.json}
     * exist, i.e. early in a download. Off by default so that tests opt in to the trap.
     */
    boolean scannerEarlyComplete;

    /** Per-uid lifecycle generation: bumped on every deployment change so stale scheduled work cancels itself. */
    final Map<String, Integer> generations = new HashMap<>();
    /** Scenario overrides: true size by model name, download speed by uid. */
    final Map<String, Long> sizeByName = new HashMap<>();
    final Map<String, Long> speedByUid = new HashMap<>();

    /** Bumped whenever something the cache summary depends on changes, so the summary can be cached. */
    long version;

    /** A download-progress record with its 30 s lease. */
    record Expiring(DownloadProgress value, long expiresAtMs) {
    }

    TreeMap<String, EndpointInfo> endpointsOf(String uid) {
        return endpoints.computeIfAbsent(uid, k -> new TreeMap<>());
    }

    int generation(String uid) {
        return generations.getOrDefault(uid, 0);
    }

    int bumpGeneration(String uid) {
        return generations.merge(uid, 1, Integer::sum);
    }

    void touch() {
        version++;
    }
}
