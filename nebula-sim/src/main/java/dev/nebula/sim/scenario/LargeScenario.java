package dev.nebula.sim.scenario;

import dev.nebula.sim.wire.ModelSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A generated cluster of M models on N nodes for benchmarks. Deterministic (fixed seed), with a state mix close to a
 * busy real cluster and a few cache-only directories per node.
 */
final class LargeScenario {
    private static final String[] ORGS = {"Qwen", "meta-llama", "BAAI", "deepseek-ai", "mistralai", "google",
        "microsoft", "intfloat", "THUDM", "01-ai", "tiiuae", "internlm"};
    private static final String[] SIZES = {"0.5B", "1.5B", "3B", "7B", "8B", "14B"};

    private LargeScenario() {
    }

    static Scenario generate(int models, int nodeCount) {
        Random random = new Random(20240611L);
        List<Scenario.NodeDef> nodes = new ArrayList<>();
        for (int i = 1; i <= nodeCount; i++) {
            nodes.add(new Scenario.NodeDef(String.format("node-%03d", i), 8_000_000_000_000L,
                    1_000_000_000_000L + random.nextInt(2000) * 1_000_000_000L, 8, 81_559L, true, null));
        }
        List<Scenario.ModelDef> defs = new ArrayList<>();
        for (int i = 0; i < models; i++) {
            String name = ORGS[i % ORGS.length] + "/model-" + i + "-" + SIZES[random.nextInt(SIZES.length)];
            int nodeIndex = random.nextInt(nodeCount);
            String node = nodes.get(nodeIndex).id();
            ModelSource source = i % 5 == 0 ? ModelSource.MODEL_SCOPE : ModelSource.HUGGING_FACE;
            String state = state(random.nextInt(100));
            String second = nodes.get((nodeIndex + 1) % nodeCount).id();
            // degraded needs a ready replica beside the unhealthy one
            List<String> placed = "degraded".equals(state) && nodeCount > 1 ? List.of(node, second) : List.of(node);
            defs.add(new Scenario.ModelDef(null, name, source, state, (long) placed.size(), placed,
                    List.of(nodes.get(random.nextInt(nodeCount)).id()), null, "vllm", null, null,
                    Map.of("team", "t" + (i % 7)), null, "admin", 60L + i, 20_000_000L, 0.2));
        }
        List<Scenario.CacheDef> cacheOnly = new ArrayList<>();
        for (int i = 0; i < nodeCount * 2; i++) {
            cacheOnly.add(new Scenario.CacheDef(nodes.get(i % nodeCount).id(), "orphan-org/orphan-" + i + "-7B",
                    i % 2 == 0 ? "hugging_face" : "model_scope", null, true, null));
        }
        return new Scenario("large:" + models + "x" + nodeCount, nodes, null, defs, cacheOnly,
                List.of(new Scenario.RuleDef("-(13|17|19)-", "download_fail")));
    }

    private static String state(int roll) {
        if (roll < 55) {
            return "running";
        } else if (roll < 70) {
            return "stopped";
        } else if (roll < 78) {
            return "registered";
        } else if (roll < 84) {
            return "failed";
        } else if (roll < 90) {
            return "degraded";
        } else if (roll < 95) {
            return "downloading";
        }
        return "starting";
    }
}
