package dev.nebula.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nebula.sim.support.SimClient;
import dev.nebula.sim.support.Sims;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Built-in and file scenarios load into the expected cluster. */
class ScenarioTest {

    @Test
    void demoHasEveryStateACatalogMustShow() {
        try (NebulaSimulator sim = Sims.demo()) {
            Map<String, Object> state = sim.control().describe();
            @SuppressWarnings("unchecked")
            Map<String, String> models = (Map<String, String>) state.get("models");
            assertEquals("running", models.get("qwen-qwen2-5-7b-instruct"));
            assertEquals("downloading", models.get("llama-3-1-8b-instruct"));
            assertEquals("running", models.get("bge-m3"));
            assertEquals("stopped", models.get("baai-bge-reranker-v2-m3"));
            assertEquals("degraded", models.get("qwen-qwen3-0-6b"));
            assertEquals("failed", models.get("deepseek-ai-deepseek-r1-distill-qwen-7b"));
            assertEquals("running", models.get("acme-support-bot-7b"));
            assertEquals("starting", models.get("qwen-qwen2-5-coder-1-5b-instruct"));
            assertEquals("stopped", models.get("google-gemma-2-9b-it"));
            assertEquals("stopped", models.get("acme-bge-m3"));
        }
    }

    @Test
    void emptyScenarioServesEmptyLists() {
        try (NebulaSimulator sim = NebulaSimulator.start(SimulatorOptions.builder().scenario("empty").build())) {
            SimClient admin = new SimClient(sim.baseUrl()).as("admin");
            assertEquals("[]", admin.get("/api/v2/models").body());
            JsonNode summary = admin.get("/api/v2/cache/summary").json();
            assertEquals(0, summary.get("total_cached_models").asInt());
            assertEquals(0, summary.get("nodes").size());
        }
    }

    @Test
    void largeScenarioServesThousandModelsOnFiftyNodes() {
        // time nearly frozen: on a slow machine the models that start "starting" must not have moved on yet
        try (NebulaSimulator sim = NebulaSimulator.start(SimulatorOptions.builder()
                .scenario("large:1000x50").timeScale(0.001).build())) {
            SimClient viewer = new SimClient(sim.baseUrl()).as("viewer");
            assertEquals(1000, viewer.get("/api/v2/models").json().size());
            JsonNode summary = viewer.get("/api/v2/cache/summary").json();
            assertEquals(50, summary.get("nodes").size());
            assertTrue(summary.get("total_cached_models").asInt() > 1000);
            @SuppressWarnings("unchecked")
            Map<String, Integer> states = (Map<String, Integer>) sim.control().describe().get("states");
            for (String s : new String[] {"running", "stopped", "failed", "degraded", "downloading", "starting"}) {
                assertTrue(states.getOrDefault(s, 0) > 0, "large scenario has " + s + ": " + states);
            }
        }
    }

    @Test
    void jsonFileScenarioDefinesNodesUsersModelsCacheAndRules(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tiny.json");
        Files.writeString(file, """
                { "name": "tiny",
                  "nodes": [ { "id": "n1", "disk_total_bytes": 100000000000, "disk_other_used_bytes": 10000000000 } ],
                  "users": [ { "username": "ci", "password": "ci-pass", "role": "operator" },
                             { "username": "weird", "password": "weird123", "role": "superuser" } ],
                  "models": [ { "uid": "m1", "name": "org/M1", "state": "running", "size_bytes": 5000000000 },
                              { "name": "org/Sick", "state": "starting" } ],
                  "cache_only": [ { "node": "n1", "name": "x/Orphan", "layout": "model_scope", "size_bytes": 1000,
                                    "complete": false } ],
                  "failure_rules": [ { "pattern": "Sick", "kind": "unhealthy" } ] }
                """);
        try (NebulaSimulator sim = NebulaSimulator.start(SimulatorOptions.builder().scenario(file).build())) {
            SimClient ci = new SimClient(sim.baseUrl());
            assertEquals(200, ci.post("/api/auth/login", "{\"username\":\"ci\",\"password\":\"ci-pass\"}").status());
            SimClient admin = ci.as("admin");
            // m1 at its scenario size, org/Sick at the 5 GB default (a starting model is on disk), the orphan
            assertEquals(5_000_000_000L + 5_000_000_000L + 1000,
                    admin.get("/api/v2/nodes/n1/disk").json().get("model_cache_bytes").asLong());
            sim.control().advance(java.time.Duration.ofSeconds(30));
            assertEquals("starting", sim.control().stateOf("org-sick"), "single unhealthy replica");
            SimClient weird = new SimClient(sim.baseUrl()).as("weird");
            assertEquals("viewer", weird.post("/api/auth/login",
                    "{\"username\":\"weird\",\"password\":\"weird123\"}").json().get("user").get("role").asText());
            assertEquals("{\"error\":{\"message\":\"invalid role\"}}", weird.get("/api/whoami").body());
        }
    }
}
