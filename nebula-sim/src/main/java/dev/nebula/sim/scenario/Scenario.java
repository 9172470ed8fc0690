package dev.nebula.sim.scenario;

import dev.nebula.sim.wire.ModelConfig;
import dev.nebula.sim.wire.ModelSource;
import java.util.List;
import java.util.Map;

/**
 * The initial state of a simulated cluster, as read from a scenario JSON file (snake_case keys, all optional unless
 * noted). See docs/simulator.md for the format and an example.
 */
public record Scenario(String name, List<NodeDef> nodes, List<UserDef> users, List<ModelDef> models,
                       List<CacheDef> cacheOnly, List<RuleDef> failureRules, List<AlertDef> alerts) {

    public Scenario {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        users = users == null ? List.of() : List.copyOf(users);
        models = models == null ? List.of() : List.copyOf(models);
        cacheOnly = cacheOnly == null ? List.of() : List.copyOf(cacheOnly);
        failureRules = failureRules == null ? List.of() : List.copyOf(failureRules);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }

    public Scenario(String name, List<NodeDef> nodes, List<UserDef> users, List<ModelDef> models,
                    List<CacheDef> cacheOnly, List<RuleDef> failureRules) {
        this(name, nodes, users, models, cacheOnly, failureRules, null);
    }

    public static Scenario empty() {
        return new Scenario("empty", null, null, null, null, null);
    }

    /** A GPU node; {@code id} is required. Defaults: 2 TB disk, 40 % used by other data, 8 × 80 GB GPUs, alive. */
    public record NodeDef(String id, Long diskTotalBytes, Long diskOtherUsedBytes, Integer gpus, Long gpuMemoryMb,
                          Boolean alive, String modelDir) {
    }

    /** An extra BFF user; role may be any string (unknown roles reproduce upstream's 403 "invalid role"). */
    public record UserDef(String username, String password, String role, String displayName, String email,
                          Boolean active) {
    }

    /**
     * A registered model; {@code name} is required. {@code state} is one of running, stopped, downloading, failed,
     * degraded, starting, or registered (a spec without a deployment). {@code nodes} pins the replicas' nodes,
     * {@code cached_on} adds complete copies elsewhere.
     */
    public record ModelDef(String uid, String name, ModelSource source, String state, Long replicas,
                           List<String> nodes, List<String> cachedOn, Long sizeBytes, String engineType,
                           String dockerImage, ModelConfig config, Map<String, String> labels, String modelPath,
                           String createdBy, Long createdMinutesAgo, Long downloadBytesPerSec,
                           Double downloadedFraction) {
    }

    /** A directory on a node that no spec registered. {@code layout}: hugging_face, model_scope or plain. */
    public record CacheDef(String node, String name, String layout, Long sizeBytes, Boolean complete, String path) {
    }

    /**
     * A disk alert written by an earlier scan and never cleared, as Nebula leaves them: {@code alert_type}
     * disk_warning or disk_critical, the usage it reported, {@code minutes_ago} when that scan ran. A scan that
     * finds the condition again rewrites it; otherwise it stays as it is, stale.
     */
    public record AlertDef(String node, String alertType, Double usagePct, Long minutesAgo) {
    }

    /** A failure rule: model-name regex and kind (download_fail or unhealthy). */
    public record RuleDef(String pattern, String kind) {
    }
}
