package dev.nebula.catalog.inventory;

import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Block A against the simulator's demo cluster (which other tests may have moved on in time, never deleted). */
@QuarkusTest
class DownloadedModelsListTest {

    static JsonPath list(Object... params) {
        var req = given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer()).queryParam("limit", 100);
        for (int i = 0; i < params.length; i += 2) {
            req.queryParam((String) params[i], params[i + 1]);
        }
        return req.when().get("/api/v2/catalog/models").then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> row(JsonPath page, String name, boolean registered) {
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().filter(r -> name.equals(r.get("model_name")) && (r.get("model_uid") != null) == registered)
                .findFirst().orElseThrow(() -> new AssertionError("no row " + name + " in " + items));
    }

    @SuppressWarnings("unchecked")
    static List<String> nodeIds(Map<String, Object> row) {
        return ((List<Map<String, Object>>) row.get("nodes")).stream().map(n -> (String) n.get("node_id")).toList();
    }

    @Test
    void joinsARegisteredModelWithItsCopiesOnSeveralNodes() {
        // other tests import the same hub model under other uids; this is the demo cluster's own registration
        List<Map<String, Object>> items = list("q", "qwen-qwen2-5-7b-instruct").getList("items");
        Map<String, Object> qwen = items.stream().filter(r -> "qwen-qwen2-5-7b-instruct".equals(r.get("model_uid")))
                .findFirst().orElseThrow(() -> new AssertionError("no qwen-qwen2-5-7b-instruct in " + items));
        assertEquals("Qwen/Qwen2.5-7B-Instruct", qwen.get("model_name"));
        assertEquals("huggingface", qwen.get("source"));
        assertTrue(nodeIds(qwen).containsAll(List.of("gpu-node-01", "gpu-node-02")), qwen.toString());
        assertEquals(2, qwen.get("node_count"));
        // the model's size is one copy's, not the sum over its copies on two nodes (2 x 15.2 GB)
        long size = ((Number) qwen.get("size_bytes")).longValue();
        assertTrue(size > 14_000_000_000L && size < 16_000_000_000L, "one copy of Qwen2.5-7B, got " + size);
        assertNotNull(qwen.get("last_used"));
        assertEquals(true, qwen.get("deletable"));
        assertNull(qwen.get("imported_by"));
    }

    @Test
    void showsCacheOnlyFilesWithTheSourceTheirLayoutImplies() {
        JsonPath page = list("state", "cached");
        Map<String, Object> mistral = row(page, "mistralai/Mistral-7B-Instruct-v0.3", false);
        assertEquals("huggingface", mistral.get("source"));
        assertEquals("cached", mistral.get("state"));
        assertEquals(false, mistral.get("deletable"));
        Map<String, Object> blocked = ((List<Map<String, Object>>) mistral.get("delete_blocked_by")).get(0);
        assertEquals("cache_only", blocked.get("code"));
        assertTrue(((String) blocked.get("message")).contains("registered"));
        assertNull(mistral.get("replicas"));
        // a cache-only row has no details call: its directory on each node is in the row itself
        Map<String, Object> copy = ((List<Map<String, Object>>) mistral.get("nodes")).get(0);
        assertEquals("gpu-node-03", copy.get("node_id"));
        assertTrue(((String) copy.get("cache_path")).contains("Mistral-7B-Instruct-v0.3"), copy.toString());
        assertEquals("modelscope", row(page, "Qwen/Qwen2.5-1.5B-Instruct", false).get("source"));
        page.getList("items", Map.class).forEach(r -> assertNull(r.get("model_uid")));
    }

    @Test
    void neverJoinsFilesAcrossOrganisations() {
        JsonPath page = list();
        Map<String, Object> other = row(page, "other-org/Qwen2.5-7B-Instruct", false);
        assertEquals(List.of("gpu-node-03"), nodeIds(other));
        assertFalse(nodeIds(row(page, "Qwen/Qwen2.5-7B-Instruct", true)).contains("gpu-node-03"));
        // Nebula's fuzzy match gives acme/bge-m3 the BAAI/bge-m3 files; they are not its files.
        Map<String, Object> acme = row(page, "acme/bge-m3", true);
        assertEquals(0, acme.get("node_count"));
        assertEquals(List.of("gpu-node-02"), nodeIds(row(page, "BAAI/bge-m3", true)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void marksCopiesOnDeadNodes() {
        Map<String, Object> llama = row(list(), "meta-llama/Llama-3.1-8B-Instruct", true);
        Map<String, Object> dead = ((List<Map<String, Object>>) llama.get("nodes")).stream()
                .filter(n -> "gpu-node-04".equals(n.get("node_id"))).findFirst().orElseThrow();
        assertEquals(false, dead.get("alive"));
        assertEquals(true, dead.get("complete"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void explainsADegradedModel() {
        Map<String, Object> qwen3 = row(list(), "Qwen/Qwen3-0.6B", true);
        assertEquals("degraded", qwen3.get("state"));
        assertEquals(1, ((Map<String, Object>) qwen3.get("replicas")).get("unhealthy"));
        assertTrue(((String) ((Map<String, Object>) qwen3.get("error")).get("summary")).contains("unhealthy"));
    }

    @Test
    void pagesSortsAndFilters() {
        // Other tests' deleted models leave files until the next node scan, so the cluster may change between
        // two calls: compare a page with the full list read right before it, retrying if a scan intervened.
        JsonPath all = null;
        JsonPath second = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            all = list();
            second = given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer())
                    .queryParam("limit", 3).queryParam("page", 2).when().get("/api/v2/catalog/models")
                    .then().statusCode(200).body("page", equalTo(2)).body("limit", equalTo(3))
                    .body("stale", equalTo(false)).extract().jsonPath();
            if (second.getInt("total") == all.getInt("total")) {
                break;
            }
        }
        assertTrue(all.getInt("total") >= 13, "10 registered + 3 cache-only (the plain Qwen dir and the dead node's Llama copy join their specs)");
        assertEquals(all.getList("items.model_name").subList(3, 6), second.getList("items.model_name"));

        List<Long> sizes = list("sort", "size", "order", "desc").getList("items.size_bytes", Long.class);
        List<Long> known = sizes.stream().filter(java.util.Objects::nonNull).toList();
        assertEquals(known, sizes.subList(0, known.size()), "unknown sizes sort last " + sizes);
        for (int i = 1; i < known.size(); i++) {
            assertTrue(known.get(i - 1) >= known.get(i), "descending sizes " + sizes);
        }
        // state sorts by severity, worst first: what needs attention is at the top
        List<String> severity = List.of("failed", "degraded", "downloading", "starting", "stopping", "running", "stopped", "cached");
        List<Integer> ranks = list("sort", "state").getList("items.state", String.class).stream()
                .map(severity::indexOf).toList();
        assertEquals(ranks.stream().sorted().toList(), ranks, "states by severity");
        assertEquals(0, ranks.get(0), "a failed model first in the demo");
        list("source", "modelscope").getList("items.source").forEach(s -> assertEquals("modelscope", s));
        List<String> bge = list("q", "BGE").getList("items.model_name");
        assertTrue(bge.size() >= 3 && bge.stream().allMatch(n -> n.toLowerCase().contains("bge")), bge.toString());
        list("state", "running").getList("items.state").forEach(s -> assertEquals("running", s));
    }

    @ParameterizedTest(name = "{0}={1} -> 400")
    @CsvSource({"limit,0", "limit,101", "page,0", "page,abc", "sort,popularity", "order,up", "state,bogus",
            "source,hugging_face"})
    void rejectsInvalidParametersNamingTheField(String field, String value) {
        given().filter(Contract.BAD_REQUEST).auth().oauth2(Tokens.viewer()).queryParam(field, value)
                .when().get("/api/v2/catalog/models")
                .then().statusCode(400).body("error.code", equalTo("validation_failed"))
                .body("error.details.field", equalTo(field));
    }
}
