package dev.nebula.catalog.fit;

import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.HubModels;
import dev.nebula.catalog.support.NebulaSimulatorResource;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fit before fetch through the API: the pre-flight's fit section and the ModelConfig an import sends. */
@QuarkusTest
class FitPreflightTest {

    static final String QWEN = "Qwen/Qwen2.5-7B-Instruct";
    static final long GB = 1_000_000_000L;

    static JsonPath preflight(Map<String, Object> body) {
        return given().filter(Contract.FILTER).auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v2/catalog/import/preflight").then().statusCode(200).extract().jsonPath();
    }

    static String lastCreateBody() {
        List<String> bodies = NebulaSimulatorResource.control().createRequestBodies();
        return bodies.get(bodies.size() - 1);
    }

    @Test
    void aSevenBillionModelFitsOneGpuFromItsExactWeightFiles() {
        JsonPath p = preflight(Map.of("provider", "huggingface", "model_id", QWEN, "model_uid", "fit-qwen-only"));
        assertEquals("files", p.getString("fit.weight_source"));
        assertEquals(4, p.getInt("fit.weight_files"));
        assertEquals(15_231_271_888L, p.getLong("fit.weight_bytes"), "the four shards, not the tokenizer or README");
        assertEquals(List.of("weights_from_files", "runtime_headroom"), p.getList("fit.estimate.code"));
        assertEquals(20, p.getInt("fit.estimate[1].params.percent"), "the headroom is stated as an estimate");
        assertEquals("fits", p.getString("fit.verdict.code"));
        assertEquals("fit_on_nodes", p.getString("fit.verdict.notice.code"));
        assertFalse(p.getList("fit.verdict.nodes").contains("gpu-node-04"), "a dead node never fits");
        assertEquals(17_431 + 1024, p.getLong("fit.config.required_vram_mb"));
        assertNull(p.get("fit.config.tensor_parallel_size"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aModelTooBigForOneGpuNeedsTensorParallelismOnTheLargeGpusOnly() {
        String id = "acme-fit/Giant-90B";
        HubModels.huggingFace(id, "9a".repeat(20), 45 * GB, 45 * GB, 45 * GB, 45 * GB); // 180 GB of weights
        JsonPath p = preflight(Map.of("provider", "huggingface", "model_id", id, "model_uid", "fit-giant"));
        assertEquals(180 * GB, p.getLong("fit.weight_bytes"));
        List<Map<String, Object>> nodes = p.getList("fit.nodes");
        assertEquals(List.of("gpu-node-01", "gpu-node-02", "gpu-node-03"), nodes.stream().map(n -> n.get("node_id")).toList(),
                "live nodes only");
        for (Map<String, Object> n : nodes) {
            List<Map<String, Object>> options = (List<Map<String, Object>>) n.get("options");
            Map<Integer, Boolean> idle = new HashMap<>();
            options.forEach(o -> idle.put((Integer) o.get("tensor_parallel_size"), (Boolean) o.get("fits_when_idle")));
            boolean large = ((Number) n.get("gpu_memory_mb")).longValue() > 80_000;
            // 216 GB with headroom: 105 GB a GPU over two, 53 GB over four, 27 GB over eight
            assertEquals(false, idle.get(1));
            assertEquals(false, idle.get(2));
            assertEquals(large, idle.get(4), n.toString());
            assertEquals(large ? Boolean.TRUE : null, idle.get(8), "the 4-GPU node has no TP 8 option");
        }
        String verdict = p.getString("fit.verdict.code");
        assertTrue(List.of("needs_tensor_parallel", "no_free_gpus").contains(verdict), verdict);
        assertEquals(4, p.getInt("fit.verdict.tensor_parallel_size"));
        assertEquals(4, p.getInt("fit.config.tensor_parallel_size"));
        long perGpu = ((Number) ((List<Map<String, Object>>) nodes.get(0).get("options")).get(2).get("per_gpu_mb")).longValue();
        assertEquals(perGpu, p.getLong("fit.config.required_vram_mb"));
        assertEquals(0, p.getList("blocking").size());

        // the import sends it in the ModelSpec's config, where Nebula's scheduler reads it
        given().filter(Contract.FILTER).auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("provider", "huggingface", "model_id", id, "model_uid", "fit-giant", "auto_start", false))
                .when().post("/api/v2/catalog/import")
                .then().statusCode(201).body("tensor_parallel_size", equalTo(4))
                .body("required_vram_mb", equalTo((int) perGpu));
        String sent = lastCreateBody();
        assertTrue(sent.contains("\"config\":{\"tensor_parallel_size\":4,\"required_vram_mb\":" + perGpu + "}"), sent);
    }

    @Test
    void theOperatorsOverridesAreWhatTheImportSends() {
        String id = "acme-fit/Override-7B";
        HubModels.huggingFace(id, "7b".repeat(20), 8 * GB, 7 * GB);
        JsonPath p = preflight(Map.of("provider", "huggingface", "model_id", id, "tensor_parallel_size", 2));
        assertEquals(2, p.getInt("fit.config.tensor_parallel_size"));
        assertTrue(p.getBoolean("fit.config.overridden"));
        assertEquals("fits", p.getString("fit.verdict.code"), "the verdict stays the estimate's");
        given().filter(Contract.FILTER).auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("provider", "huggingface", "model_id", id, "model_uid", "fit-override", "auto_start", false,
                        "tensor_parallel_size", 2, "required_vram_mb", 30000))
                .when().post("/api/v2/catalog/import")
                .then().statusCode(201).body("tensor_parallel_size", equalTo(2)).body("required_vram_mb", equalTo(30000));
        assertTrue(lastCreateBody().contains("\"config\":{\"tensor_parallel_size\":2,\"required_vram_mb\":30000}"),
                lastCreateBody());
        given().filter(Contract.BAD_REQUEST).auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("provider", "huggingface", "model_id", id, "tensor_parallel_size", 0))
                .when().post("/api/v2/catalog/import/preflight")
                .then().statusCode(400).body("error.details.field", equalTo("tensor_parallel_size"));
    }

    @Test
    void aModelThatFitsNowhereIsWarnedAboutAndStillImportable() {
        String id = "acme-fit/Colossal-1T";
        HubModels.huggingFace(id, "c0".repeat(20), 500 * GB, 500 * GB, 500 * GB, 500 * GB);
        JsonPath p = preflight(Map.of("provider", "huggingface", "model_id", id, "model_uid", "fit-colossal"));
        assertEquals("fits_nowhere", p.getString("fit.verdict.code"));
        assertTrue(p.getList("warnings.code").contains("fit_nowhere"), p.prettify());
        assertEquals(0, p.getList("blocking").size(), "an estimate never blocks");
        assertEquals(8, p.getInt("fit.config.tensor_parallel_size"), "the widest split any node allows");
    }
}
