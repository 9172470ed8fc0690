package dev.nebula.catalog.nodes;

import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.SimModels;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cache manager against the demo cluster: nodes, GPUs, disks, alerts and what is safe to reclaim. */
@QuarkusTest
class ClusterNodesTest {

    @Inject
    EntityManager em;

    static JsonPath nodes(String query) {
        return given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer())
                .when().get("/api/v2/catalog/nodes" + query).then().statusCode(200).extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> node(JsonPath answer, String id) {
        return answer.<Map<String, Object>>getList("nodes").stream().filter(n -> id.equals(n.get("node_id")))
                .findFirst().orElseThrow(() -> new AssertionError("no node " + id + ": " + answer.prettify()));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> copies(Map<String, Object> node) {
        return (List<Map<String, Object>>) node.get("copies");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        return (List<Map<String, Object>>) m.get(key);
    }

    static Map<String, Object> copyAt(Map<String, Object> node, String pathEnd) {
        return copies(node).stream().filter(c -> ((String) c.get("cache_path")).endsWith(pathEnd)).findFirst()
                .orElseThrow(() -> new AssertionError("no copy " + pathEnd + " on " + node.get("node_id")));
    }

    @Test
    void listsEveryNodeWithItsGpusDiskAndTheClusterTotals() {
        JsonPath answer = nodes("");
        assertEquals(List.of("gpu-node-01", "gpu-node-02", "gpu-node-03", "gpu-node-04"),
                answer.getList("nodes.node_id"));
        Map<String, Object> one = node(answer, "gpu-node-01");
        assertEquals(true, one.get("alive"));
        assertNotNull(one.get("last_heartbeat"));
        assertEquals("/DATA/Model", one.get("model_dir"));
        List<Map<String, Object>> gpus = list(one, "gpus");
        assertEquals(8, gpus.size());
        assertEquals(81_559, ((Number) gpus.get(0).get("memory_total_mb")).intValue());
        assertTrue(gpus.stream().anyMatch(g -> ((List<?>) g.get("held_by")).contains("qwen-qwen2-5-7b-instruct")),
                "the GPU the running Qwen holds says so: " + gpus);
        assertEquals(46_068, ((Number) list(node(answer, "gpu-node-03"), "gpus").get(0).get("memory_total_mb")).intValue());
        @SuppressWarnings("unchecked")
        Map<String, Object> disk = (Map<String, Object>) one.get("disk");
        assertTrue(((Number) disk.get("used_percent")).doubleValue() > 85, disk.toString());
        assertEquals(((Number) disk.get("total_bytes")).longValue(),
                ((Number) disk.get("used_bytes")).longValue() + ((Number) disk.get("available_bytes")).longValue());
        assertEquals(3, answer.getInt("totals.live_nodes"));
        assertEquals(20, answer.getInt("totals.gpus"), "8 + 8 + 4 on the live nodes");
        assertEquals(4, answer.getInt("totals.nodes"));
        assertTrue(answer.getBoolean("alerts_known"));
        assertTrue(answer.getBoolean("gpus_known"));
        long reclaimable = answer.<Map<String, Object>>getList("nodes").stream()
                .filter(n -> !Boolean.FALSE.equals(n.get("alive")))
                .mapToLong(n -> ((Number) n.get("reclaimable_bytes")).longValue()).sum();
        assertEquals(reclaimable, answer.getLong("totals.reclaimable_bytes"));
    }

    @Test
    void deadNodeCopiesAreShownWithTheNodeMarkedDead() {
        Map<String, Object> dead = node(nodes(""), "gpu-node-04");
        assertEquals(false, dead.get("alive"));
        assertTrue(list(dead, "gpus").isEmpty(), "a dead node reports no GPUs");
        assertNotNull(dead.get("last_scan"), "its last disk scan is still known");
        Map<String, Object> llama = copyAt(dead, "models--meta-llama--Llama-3.1-8B-Instruct");
        assertEquals(true, llama.get("complete"));
        assertTrue(((Number) llama.get("size_bytes")).longValue() > 1_000_000_000L);
        assertEquals(List.of("llama-3-1-8b-instruct"), list(llama, "used_by").stream().map(u -> u.get("model_uid")).toList());
        assertEquals("critical", dead.get("alert_level"), "its last scan found the disk over 95 %");
    }

    @Test
    void aCopyOfADeployedModelIsNotSafeAndFilesOfNoModelAreRemovedOnTheNode() {
        JsonPath answer = nodes("");
        Map<String, Object> qwen = copyAt(node(answer, "gpu-node-01"), "models--Qwen--Qwen2.5-7B-Instruct");
        assertEquals(false, qwen.get("safe_to_reclaim"));
        assertEquals(true, qwen.get("in_use_on_node"));
        assertNull(qwen.get("reclaim"));
        // other tests import the same hub model: whoever else uses the files, the running demo model blocks it
        assertTrue(list(qwen, "reclaim_blocked_by").stream().anyMatch(n -> "deployed".equals(n.get("code"))
                && "qwen-qwen2-5-7b-instruct".equals(((Map<?, ?>) n.get("params")).get("model_uid"))),
                qwen.toString());
        Map<String, Object> mistral = copyAt(node(answer, "gpu-node-03"), "models--mistralai--Mistral-7B-Instruct-v0.3");
        assertEquals(true, mistral.get("safe_to_reclaim"));
        assertTrue(list(mistral, "used_by").isEmpty());
        assertEquals(Map.of("how", "remove_on_node"), withoutNulls(mistral.get("reclaim")));
        Map<String, Object> reranker = copyAt(node(answer, "gpu-node-02"), "models--BAAI--bge-reranker-v2-m3");
        assertEquals(true, reranker.get("safe_to_reclaim"), "its one model is stopped: delete it");
        assertEquals(Map.of("how", "delete_model", "model_uid", "baai-bge-reranker-v2-m3"), reranker.get("reclaim"));
        long safeOn02 = copies(node(answer, "gpu-node-02")).stream().filter(c -> Boolean.TRUE.equals(c.get("safe_to_reclaim")))
                .mapToLong(c -> ((Number) c.get("size_bytes")).longValue()).sum();
        assertEquals(safeOn02, ((Number) node(answer, "gpu-node-02").get("reclaimable_bytes")).longValue());
    }

    @Test
    void aSharedFileReferencedByTwoModelsIsNotSafe() {
        String a = SimModels.unique("nodes-share-a");
        String b = SimModels.unique("nodes-share-b");
        String name = "nodes-test/" + a + "-0.5B";
        try {
            SimModels.create(a, name, true, "gpu-node-02");
            SimModels.advance(Duration.ofSeconds(150)); // download, engine start, and a cache scan
            SimModels.stop(a);
            SimModels.create(b, name, false, null);
            SimModels.advance(Duration.ofSeconds(70)); // a's engines gone: both models stopped
            Map<String, Object> copy = copies(node(nodes(""), "gpu-node-02")).stream()
                    .filter(c -> ((String) c.get("cache_path")).contains(a)).findFirst().orElseThrow();
            assertEquals(List.of(a, b), list(copy, "used_by").stream().map(u -> u.get("model_uid")).sorted().toList());
            assertTrue(list(copy, "used_by").stream().noneMatch(u -> Boolean.TRUE.equals(u.get("deployed"))),
                    "both stopped: " + copy);
            assertEquals(false, copy.get("safe_to_reclaim"), "deleting either model deletes the other's weights");
            assertEquals(List.of("shared_by_models"), list(copy, "reclaim_blocked_by").stream().map(n -> n.get("code")).toList());
            assertNull(copy.get("reclaim"));
        } finally {
            SimModels.delete(a);
            SimModels.delete(b);
        }
    }

    @Test
    void staleAlertsAreMergedIntoOnePerTypeAndTheirEpisodeSurvivesRescans() {
        Map<String, Object> before = node(nodes(""), "gpu-node-01");
        List<Map<String, Object>> alerts = list(before, "alerts");
        assertEquals(List.of("disk_warning", "disk_critical"), alerts.stream().map(a -> a.get("alert_type")).toList(),
                "one per type, the active one first");
        Map<String, Object> warning = alerts.get(0);
        Map<String, Object> critical = alerts.get(1);
        assertEquals(true, warning.get("active"));
        assertEquals(before.get("last_scan"), warning.get("last_seen"), "rewritten by the node's last scan");
        assertEquals(false, critical.get("active"), "the last scan did not write it again: the disk fell below 95 %");
        assertTrue(Instant.parse((String) critical.get("last_seen")).isBefore(Instant.parse((String) before.get("last_scan"))
                .minus(Duration.ofDays(1))));
        assertEquals("warning", before.get("alert_level"));
        assertEquals("disk_critical", ((Map<?, ?>) critical.get("notice")).get("code"));
        assertEquals("gpu-node-01", ((Map<?, ?>) ((Map<?, ?>) critical.get("notice")).get("params")).get("node"));

        SimModels.advance(Duration.ofSeconds(61)); // the next scan rewrites the warning's time, as Nebula does
        Map<String, Object> after = node(nodes(""), "gpu-node-01");
        Map<String, Object> warningAfter = list(after, "alerts").get(0);
        assertTrue(Instant.parse((String) warningAfter.get("last_seen")).isAfter(Instant.parse((String) warning.get("last_seen"))));
        assertEquals(warning.get("first_seen"), warningAfter.get("first_seen"), "the same alert, not a new one");
        assertEquals(critical, list(after, "alerts").get(1), "the stale one is left as it was");
        Object stored = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT first_seen_at FROM node_alert WHERE node_id = 'gpu-node-01' AND alert_type = 'disk_warning'")
                .getSingleResult());
        assertNotNull(stored, "the episode's start outlives a restart");
    }

    @Test
    void copiesSortByLastUsedWithNeverUsedFirstAndBySize() {
        for (Map<String, Object> n : nodes("?sort=last_used").<Map<String, Object>>getList("nodes")) {
            List<String> used = copies(n).stream().map(c -> (String) c.get("last_used")).toList();
            for (int i = 1; i < used.size(); i++) {
                assertTrue(used.get(i - 1) == null || (used.get(i) != null
                        && !Instant.parse(used.get(i - 1)).isAfter(Instant.parse(used.get(i)))), "order: " + used);
            }
        }
        Map<String, Object> one = node(nodes(""), "gpu-node-01");
        Map<String, Object> running = copyAt(one, "models--Qwen--Qwen2.5-7B-Instruct");
        assertNotNull(running.get("last_used"), "a model seen serving has a last use");
        for (Map<String, Object> n : nodes("?sort=size&order=desc").<Map<String, Object>>getList("nodes")) {
            List<Long> sizes = copies(n).stream().map(c -> ((Number) c.get("size_bytes")).longValue()).toList();
            assertEquals(sizes.stream().sorted(java.util.Comparator.reverseOrder()).toList(), sizes);
        }
        given().filter(Contract.BAD_REQUEST).auth().oauth2(Tokens.viewer()).queryParam("sort", "age")
                .when().get("/api/v2/catalog/nodes")
                .then().statusCode(400).body("error.code", equalTo("validation_failed"))
                .body("error.details.field", equalTo("sort"));
    }

    @Test
    void aCopyBeingDownloadedIsNotSafe() {
        String uid = SimModels.unique("nodes-dl");
        try {
            SimModels.create(uid, "nodes-test/" + uid + "-70B", true, "gpu-node-02"); // 140 GB: minutes to fetch
            SimModels.advance(Duration.ofSeconds(65)); // a scan publishes the partial directory
            Map<String, Object> partial = copies(node(nodes(""), "gpu-node-02")).stream()
                    .filter(c -> ((String) c.get("cache_path")).contains(uid)).findFirst().orElseThrow();
            assertEquals(false, partial.get("complete"));
            assertEquals(true, partial.get("downloading"));
            assertEquals(true, partial.get("in_use_on_node"));
            assertEquals(false, partial.get("safe_to_reclaim"));
            assertEquals(List.of("deployed", "downloading"),
                    list(partial, "reclaim_blocked_by").stream().map(n -> n.get("code")).toList());
        } finally {
            SimModels.delete(uid);
        }
    }

    private static Map<String, Object> withoutNulls(Object map) {
        java.util.Map<String, Object> out = new java.util.HashMap<>();
        ((Map<?, ?>) map).forEach((k, v) -> {
            if (v != null) {
                out.put((String) k, v);
            }
        });
        return out;
    }
}
