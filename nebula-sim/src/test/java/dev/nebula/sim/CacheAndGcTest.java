package dev.nebula.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nebula.sim.support.SimClient;
import dev.nebula.sim.support.Sims;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cache entries, disk records, fuzzy matching and delete-time GC (reference §5.5, §6, §9). */
class CacheAndGcTest {
    NebulaSimulator sim;
    SimClient admin;

    @BeforeEach
    void start() {
        sim = Sims.demo();
        admin = new SimClient(sim.baseUrl()).as("admin");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    List<JsonNode> entries(String modelName) {
        List<JsonNode> out = new ArrayList<>();
        admin.get("/api/v2/cache/summary").json().get("caches").forEach(c -> {
            if (c.get("model_name").asText().equals(modelName)) {
                out.add(c);
            }
        });
        return out;
    }

    @Test
    void hubLayoutsAndPlainDirectoriesArePublishedWithTheirPaths() {
        JsonNode mistral = entries("mistralai/Mistral-7B-Instruct-v0.3").get(0);
        assertEquals("/DATA/Model/.cache/huggingface/hub/models--mistralai--Mistral-7B-Instruct-v0.3",
                mistral.get("cache_path").asText());
        assertEquals(0, mistral.get("matched_model_uids").size(), "cache-only");
        JsonNode ms = entries("Qwen/Qwen2.5-1.5B-Instruct").get(0);
        assertEquals("/DATA/Model/.cache/modelscope/hub/Qwen/Qwen2.5-1.5B-Instruct", ms.get("cache_path").asText());
        JsonNode plain = entries("Qwen2.5-7B-Instruct").get(0);
        assertEquals("/DATA/Model/Qwen2.5-7B-Instruct", plain.get("cache_path").asText());
        assertEquals(plain.get("last_accessed_ms"), plain.get("discovered_at_ms"), "both are the scan time");
    }

    @Test
    void fuzzyMatchingJoinsAcrossOrgsAsNebulaDoes() {
        JsonNode otherOrg = entries("other-org/Qwen2.5-7B-Instruct").get(0);
        assertEquals("[\"qwen-qwen2-5-7b-instruct\"]", otherOrg.get("matched_model_uids").toString());
        JsonNode bge = entries("BAAI/bge-m3").get(0);
        assertEquals("[\"acme-bge-m3\",\"bge-m3\"]", bge.get("matched_model_uids").toString());
    }

    @Test
    void downloadGrowsAnIncompleteEntryThatCompletesAndRaisesDiskUsage() {
        sim.control().advance(Duration.ofSeconds(61)); // a scan during the download
        JsonNode during = entries("meta-llama/Llama-3.1-8B-Instruct").stream()
                .filter(e -> e.get("node_id").asText().equals("gpu-node-03")).findFirst().orElseThrow();
        assertFalse(during.get("complete").asBoolean());
        long diskBefore = admin.get("/api/v2/nodes/gpu-node-03/disk").json().get("used_bytes").asLong();
        sim.control().advance(Duration.ofSeconds(180));
        JsonNode after = entries("meta-llama/Llama-3.1-8B-Instruct").stream()
                .filter(e -> e.get("node_id").asText().equals("gpu-node-03")).findFirst().orElseThrow();
        assertTrue(after.get("complete").asBoolean());
        assertTrue(after.get("size_bytes").asLong() > during.get("size_bytes").asLong());
        assertTrue(admin.get("/api/v2/nodes/gpu-node-03/disk").json().get("used_bytes").asLong() > diskBefore);
        assertEquals("running", sim.control().stateOf("llama-3-1-8b-instruct"));
    }

    @Test
    void deleteRemovesKeysAtOnceAndFilesAfterTheNextScan() {
        JsonNode res = admin.delete("/api/v2/models/qwen-qwen2-5-7b-instruct").json();
        assertEquals("qwen-qwen2-5-7b-instruct", res.get("model_uid").asText());
        assertEquals(4, res.get("gc_queued_nodes").asInt(), "every node with a disk record, dead ones included");
        assertEquals(404, admin.get("/api/v2/models/qwen-qwen2-5-7b-instruct").status());
        assertEquals(2, entries("Qwen/Qwen2.5-7B-Instruct").size(), "files stay until the node scans");

        sim.control().advance(Duration.ofSeconds(61));
        assertEquals(0, entries("Qwen/Qwen2.5-7B-Instruct").size());
        assertEquals(0, entries("Qwen2.5-7B-Instruct").size(), "GC also takes the plain dir named like the last segment");
        assertEquals(1, entries("other-org/Qwen2.5-7B-Instruct").size(), "GC is stricter than the fuzzy match");
    }

    @Test
    void alertsAreWrittenAboveThresholdsAndNeverCleared() {
        JsonNode alerts = admin.get("/api/v2/alerts").json();
        List<String> kinds = new ArrayList<>();
        alerts.forEach(a -> kinds.add(a.get("node_id").asText() + ":" + a.get("alert_type").asText()));
        assertTrue(kinds.contains("gpu-node-01:disk_warning"), kinds.toString());
        assertTrue(kinds.contains("gpu-node-04:disk_critical"), kinds.toString());
        assertTrue(alerts.get(0).get("message").asText().matches("Node .* model directory usage at \\d+\\.\\d% "
                + "\\(\\d+ GB available\\)"));
        admin.delete("/api/v2/models/qwen-qwen2-5-7b-instruct");
        admin.delete("/api/v2/models/qwen-qwen3-0-6b");
        sim.control().advance(Duration.ofSeconds(61));
        double usage = admin.get("/api/v2/nodes/gpu-node-01/disk").json().get("usage_pct").asDouble();
        assertTrue(usage < 85.0, "usage went down: " + usage);
        assertEquals(alerts.size(), admin.get("/api/v2/alerts").json().size(), "stale alerts stay");
    }

    @Test
    void aStaleAlertFromAnEarlierScanStaysWhileTheFreshOneIsRewritten() {
        JsonNode before = alertsOf("gpu-node-01");
        long critical = before.get("disk_critical").get("created_at_ms").asLong();
        long warning = before.get("disk_warning").get("created_at_ms").asLong();
        assertTrue(warning - critical > 24 * 3600_000L, "the demo's critical alert is two days old");
        sim.control().advance(Duration.ofSeconds(61));
        JsonNode after = alertsOf("gpu-node-01");
        assertEquals(critical, after.get("disk_critical").get("created_at_ms").asLong(), "not rewritten: stale");
        assertTrue(after.get("disk_warning").get("created_at_ms").asLong() > warning, "rewritten by the scan");
        assertEquals(admin.get("/api/v2/nodes/gpu-node-01/disk").json().get("updated_at_ms").asLong(),
                after.get("disk_warning").get("created_at_ms").asLong(), "the scan writes both with one time");
    }

    private JsonNode alertsOf(String node) {
        com.fasterxml.jackson.databind.node.ObjectNode byType = dev.nebula.sim.wire.Json.MAPPER.createObjectNode();
        for (JsonNode a : admin.get("/api/v2/alerts").json()) {
            if (node.equals(a.get("node_id").asText())) {
                byType.set(a.get("alert_type").asText(), a);
            }
        }
        return byType;
    }

    @Test
    void detailCacheStatusListsOneNodePerMatchingEntry() {
        JsonNode status = admin.get("/api/v2/models/qwen-qwen2-5-7b-instruct").json().get("cache_status");
        assertEquals("[\"gpu-node-01\",\"gpu-node-01\",\"gpu-node-02\",\"gpu-node-03\"]",
                status.get("cached_on_nodes").toString(), "not deduplicated; cross-org entries count");
        assertTrue(admin.get("/api/v2/models/google-gemma-2-9b-it").json().get("cache_status").isNull());
    }
}
