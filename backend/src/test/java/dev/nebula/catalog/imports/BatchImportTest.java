package dev.nebula.catalog.imports;

import dev.nebula.catalog.audit.AuditEvent;
import dev.nebula.catalog.support.AuditRows;
import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.HubStubs;
import dev.nebula.catalog.support.NebulaSimulatorResource;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several imports in one request: each with its own uid, pre-flight and fit, idempotent on its own key. */
@QuarkusTest
class BatchImportTest {

    static final String QWEN = "Qwen/Qwen2.5-7B-Instruct";

    static JsonPath post(String path, Object body, String rid) {
        return given().filter(Contract.FILTER).auth().oauth2(Tokens.operator()).header("X-Request-Id", rid)
                .contentType(ContentType.JSON).body(body).when().post(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void preflightsEachItemWithItsFitAndReportsAHubFailureWithItsItem() {
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/models/acme-batch/Broken-7B"))
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":\"boom\"}")));
        int modelLists = NebulaSimulatorResource.control().requestCounts().getOrDefault("GET /api/v2/models", 0);
        JsonPath p = post("/api/v2/catalog/import/preflight/batch", Map.of("items", List.of(
                Map.of("provider", "huggingface", "model_id", QWEN, "model_uid", "batch-pf-a"),
                Map.of("provider", "modelscope", "model_id", QWEN, "model_uid", "batch-pf-b"),
                Map.of("provider", "hf", "model_id", "acme-batch/Broken-7B"))), "batch-preflight-1");
        assertEquals(List.of(0, 1, 2), p.getList("items.index"));
        assertEquals("batch-pf-a", p.getString("items[0].preflight.suggested_uid"));
        assertEquals("fits", p.getString("items[0].preflight.fit.verdict.code"));
        assertEquals("modelscope", p.getString("items[1].preflight.provider"));
        assertNotNull(p.get("items[1].preflight.fit.weight_bytes"));
        assertNull(p.get("items[0].error"));
        assertNull(p.get("items[2].preflight"));
        assertTrue(p.getInt("items[2].error.status") >= 500, p.prettify());
        assertTrue(p.getString("items[2].error.code").startsWith("hub_"), p.prettify());
        int reads = NebulaSimulatorResource.control().requestCounts().getOrDefault("GET /api/v2/models", 0) - modelLists;
        // one read of the cluster for the three items (the import recovery may read it too, in the background)
        assertTrue(reads >= 1 && reads < 3, reads + " model list reads");
    }

    @Test
    void aBatchWithOneFailureImportsTheOthersAndIsIdempotentPerItem() {
        int creates = NebulaSimulatorResource.control().createCalls();
        Map<String, Object> body = Map.of("items", List.of(
                Map.of("provider", "huggingface", "model_id", QWEN, "model_uid", "batch-imp-a", "auto_start", false,
                        "idempotency_key", "batch-dialog-7:0"),
                Map.of("provider", "huggingface", "model_id", QWEN, "model_uid", "bge-m3",
                        "idempotency_key", "batch-dialog-7:1"),
                Map.of("provider", "modelscope", "model_id", QWEN, "model_uid", "batch-imp-c", "auto_start", false,
                        "idempotency_key", "batch-dialog-7:2")));
        JsonPath first = post("/api/v2/catalog/import/batch", body, "batch-import-1");
        assertEquals(List.of("created", "failed", "created"), first.getList("items.status"));
        assertEquals("batch-imp-a", first.getString("items[0].result.model_uid"));
        assertEquals("model_exists", first.getString("items[1].error.code"));
        assertEquals(409, first.getInt("items[1].error.status"));
        assertEquals("batch-imp-c", first.getString("items[2].result.model_uid"));
        assertEquals(2, first.getInt("created"));
        assertEquals(1, first.getInt("failed"));
        assertEquals(creates + 2, NebulaSimulatorResource.control().createCalls());
        List<AuditEvent> audit = AuditRows.byRequestId("batch-import-1");
        assertEquals(List.of("accepted", "succeeded", "refused", "accepted", "succeeded"),
                audit.stream().map(a -> a.outcome).toList());
        assertEquals("bge-m3", audit.get(2).modelUid);

        JsonPath again = post("/api/v2/catalog/import/batch", body, "batch-import-2");
        assertEquals(List.of("replayed", "failed", "replayed"), again.getList("items.status"));
        assertEquals(first.getString("items[0].result.import_id"), again.getString("items[0].result.import_id"));
        assertEquals(first.getString("items[2].result.import_id"), again.getString("items[2].result.import_id"));
        assertEquals(creates + 2, NebulaSimulatorResource.control().createCalls(), "no second create");
    }

    @Test
    void oneInvalidItemRefusesTheWholeBatchNamingIt() {
        int creates = NebulaSimulatorResource.control().createCalls();
        given().filter(Contract.BAD_REQUEST).auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(
                        Map.of("provider", "huggingface", "model_id", QWEN, "model_uid", "batch-never"),
                        Map.of("provider", "huggingface", "model_id", QWEN, "model_uid", "Not_A_Uid"))))
                .when().post("/api/v2/catalog/import/batch")
                .then().statusCode(400).body("error.code", equalTo("validation_failed"))
                .body("error.details.field", equalTo("items[1].model_uid"));
        given().filter(Contract.BAD_REQUEST).auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(
                        Map.of("provider", "huggingface", "model_id", QWEN, "idempotency_key", "same"),
                        Map.of("provider", "modelscope", "model_id", QWEN, "idempotency_key", "same"))))
                .when().post("/api/v2/catalog/import/batch")
                .then().statusCode(400).body("error.details.field", equalTo("items[1].idempotency_key"));
        assertEquals(creates, NebulaSimulatorResource.control().createCalls(), "nothing imported");
    }

    @Test
    void viewersCannotImportInBatches() {
        given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer()).header("X-Request-Id", "batch-import-denied")
                .contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("provider", "huggingface", "model_id", QWEN))))
                .when().post("/api/v2/catalog/import/batch").then().statusCode(403);
        List<AuditEvent> rows = AuditRows.awaitByRequestId("batch-import-denied", r -> !r.isEmpty());
        assertEquals("import", rows.get(0).action);
        assertEquals("denied", rows.get(0).outcome);
    }
}
