package dev.nebula.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nebula.sim.support.Resp;
import dev.nebula.sim.support.SimClient;
import dev.nebula.sim.support.Sims;
import dev.nebula.sim.wire.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every endpoint answers in Nebula's wire format; SimClient validates each reply against the adopted contract. */
class WireContractTest {
    static NebulaSimulator sim;
    static SimClient admin;

    @BeforeAll
    static void start() {
        sim = Sims.demo();
        admin = new SimClient(sim.baseUrl()).as("admin");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void loginReturnsHexTokenIsoExpiryAndSessionUserWithNulls() {
        Resp r = new SimClient(sim.baseUrl()).send("POST", "/api/auth/login", "application/json",
                "{\"username\":\"  admin \",\"password\":\"admin123\"}", true);
        assertEquals(200, r.status());
        JsonNode j = r.json();
        assertTrue(j.get("token").asText().matches("[0-9a-f]{64}"));
        assertTrue(j.get("expires_at").asText().endsWith("Z"));
        assertTrue(j.get("user").has("email") && j.get("user").get("email").isNull());
        assertEquals("admin", j.get("user").get("role").asText());
    }

    @Test
    void authEndpointsAnswerTheirDocumentedShapes() {
        assertEquals("ok", admin.get("/api/healthz").json().get("status").asText());
        assertEquals("admin", admin.get("/api/auth/me").json().get("username").asText());
        JsonNode who = admin.get("/api/whoami").json();
        assertEquals("admin", who.get("principal").asText());
        assertEquals("admin", who.get("role").asText());
        SimClient other = new SimClient(sim.baseUrl()).as("viewer");
        assertTrue(other.post("/api/auth/logout", null).json().get("ok").asBoolean());
        assertEquals(401, other.get("/api/auth/me").status());
    }

    @Test
    void modelListIsSortedByUidWithNullableEngineType() {
        JsonNode list = admin.get("/api/v2/models").json();
        assertTrue(list.size() >= 10);
        for (int i = 1; i < list.size(); i++) {
            assertTrue(list.get(i - 1).get("model_uid").asText().compareTo(list.get(i).get("model_uid").asText()) < 0);
        }
        JsonNode gemma = find(list, "google-gemma-2-9b-it");
        assertTrue(gemma.get("engine_type").isNull(), "engine_type is present-and-null in views");
        assertEquals(0, gemma.get("replicas").get("desired").asInt(), "no deployment means desired 0");
    }

    @Test
    void modelDetailOmitsUnsetSpecFieldsButNullsConfigKeys() {
        JsonNode d = admin.get("/api/v2/models/qwen-qwen2-5-7b-instruct").json();
        JsonNode spec = d.get("spec");
        assertFalse(spec.has("model_path"), "unset ModelSpec fields are omitted");
        assertFalse(spec.has("docker_image"));
        assertTrue(spec.get("config").has("tensor_parallel_size") && spec.get("config").get("tensor_parallel_size")
                .isNull(), "ModelConfig keys are always present");
        assertFalse(d.get("deployment").has("node_affinity"), "unset deployment fields are omitted");
        JsonNode a = d.get("placement").get("assignments").get(0);
        assertTrue(a.has("extra_args") && a.has("engine_type") && !a.has("docker_image"));
        assertTrue(d.get("placement").get("request_id").isNull());
        assertTrue(d.get("download_progress").isNull());
        assertEquals(0, d.get("stats").size());
        assertTrue(d.get("endpoints").get(0).get("grpc_target").isNull());
        assertTrue(d.get("cache_status").get("cached_on_nodes").size() >= 2);
    }

    @Test
    void downloadingDetailCarriesZeroedCountersAsNebulaWritesThem() {
        sim.control().advance(Duration.ofSeconds(3));
        JsonNode p = admin.get("/api/v2/models/llama-3-1-8b-instruct").json().get("download_progress")
                .get("replicas").get(0);
        assertEquals("downloading", p.get("phase").asText());
        assertTrue(p.get("downloaded_bytes").asLong() > 0);
        assertEquals(0, p.get("total_bytes").asLong());
        assertEquals(0, p.get("eta_seconds").asLong());
        assertEquals("0.0", p.get("progress_pct").toString());
    }

    @Test
    void cacheDiskAlertsAndOverviewMatchTheContract() {
        JsonNode summary = admin.get("/api/v2/cache/summary").json();
        assertEquals(summary.get("caches").size(), summary.get("total_cached_models").asInt());
        assertEquals(4, summary.get("nodes").size(), "dead nodes keep their disk record");
        assertTrue(admin.get("/api/v2/nodes/gpu-node-01/cache").json().size() > 0);
        assertEquals(0, admin.get("/api/v2/nodes/no-such-node/cache").json().size());
        assertTrue(admin.get("/api/v2/nodes/gpu-node-01/disk").json().get("usage_pct").isDouble());
        assertEquals(404, admin.get("/api/v2/nodes/no-such-node/disk").status());
        assertTrue(admin.get("/api/v2/alerts").json().size() > 0);
        JsonNode overview = admin.get("/api/overview").json();
        assertEquals(3, overview.get("nodes").size(), "the dead node is not in the overview");
        assertTrue(overview.get("endpoints").size() > 0);
        assertEquals(0, overview.get("model_requests").size());
    }

    @Test
    void writeEndpointsAnswerSpecOrDeploymentBodies() {
        Resp created = admin.post("/api/v2/models", "{\"model_name\":\"org/Contract-Probe-1B\",\"labels\":{\"a\":\"b\"}}");
        assertEquals(201, created.status());
        assertFalse(created.json().has("state"), "create answers the spec, not a view");
        assertEquals(200, admin.put("/api/v2/models/org-contract-probe-1b", "{\"engine_type\":\"sglang\"}").status());
        assertEquals(200, admin.post("/api/v2/models/org-contract-probe-1b/start", "{}").status());
        assertEquals(200, admin.put("/api/v2/models/org-contract-probe-1b/scale", "{\"replicas\":2}").status());
        assertEquals(200, admin.post("/api/v2/models/org-contract-probe-1b/stop", null).status());
        Resp deleted = admin.delete("/api/v2/models/org-contract-probe-1b");
        assertEquals("deleted", deleted.json().get("status").asText());
        assertEquals(4, deleted.json().get("gc_queued_nodes").asInt());
    }

    static JsonNode find(JsonNode list, String uid) {
        for (JsonNode n : list) {
            if (n.get("model_uid").asText().equals(uid)) {
                return n;
            }
        }
        throw new AssertionError("no model " + uid + " in " + list);
    }

    // Small things the real BFF does that a client might come to depend on (found against the real Nebula).

    @Test
    void theBootstrapAdminIsCalledAdministrator() {
        JsonNode me = admin.get("/api/auth/me").json();
        assertEquals("Administrator", me.get("display_name").asText());
    }

    @Test
    void answersBuiltWithJsonMacroHaveAlphabeticalKeysAtEveryLevel() throws Exception {
        assertSorted(admin.post("/api/v2/models", "{\"model_name\":\"tmp/Sorted-Keys-1B\"}").body());
        assertSorted(admin.post("/api/v2/models/tmp-sorted-keys-1b/stop", null).body());
        assertSorted(admin.post("/api/v2/models/tmp-sorted-keys-1b/start", "{}").body());
        assertSorted(admin.get("/api/v2/nodes/gpu-node-01/disk").body());
        assertSorted(admin.get("/api/whoami").body());
        assertSorted(admin.delete("/api/v2/models/tmp-sorted-keys-1b").body());
    }

    private static void assertSorted(String body) throws Exception {
        check(Json.MAPPER.readTree(body), body);
    }

    private static void check(JsonNode node, String body) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            List<String> sorted = new ArrayList<>(names);
            java.util.Collections.sort(sorted);
            assertEquals(sorted, names, "keys in alphabetical order in " + body);
            node.forEach(child -> check(child, body));
        } else if (node.isArray()) {
            node.forEach(child -> check(child, body));
        }
    }
}
