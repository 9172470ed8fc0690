package dev.nebula.catalog.inventory;

import dev.nebula.catalog.audit.AuditEvent;
import dev.nebula.catalog.support.AuditRows;
import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.SimModels;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.nebula.catalog.support.NebulaSimulatorResource.control;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deleting several models at once: one combined impact, one confirmation, one audit trail per model. */
@QuarkusTest
class BatchDeletionTest {

    static JsonPath impact(List<String> uids) {
        return given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON)
                .body(Map.of("model_uids", uids)).when().post("/api/v2/catalog/model-deletions/impact")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCombinedImpactCountsSharedFilesOnceAndLeavesTheBatchOutOfTheAffected() {
        String a = SimModels.unique("batch-share-a");
        String b = SimModels.unique("batch-share-b");
        String name = "batch-test/" + a + "-0.5B";
        try {
            SimModels.create(a, name, true, "gpu-node-02");
            SimModels.create(b, name, false, null);
            SimModels.advance(Duration.ofSeconds(150)); // a downloads, runs, and the node scans its files
            JsonPath one = given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer())
                    .when().get("/api/v2/catalog/models/" + a + "/delete-impact").then().statusCode(200).extract().jsonPath();
            JsonPath both = impact(List.of(a, b, "batch-no-such-model"));
            assertEquals(List.of(a, b), both.getList("models.model_uid"));
            assertEquals(List.of("batch-no-such-model"), both.getList("unknown_uids"));
            assertEquals(one.getList("files_deleted.cache_path"), both.getList("files_deleted.cache_path"),
                    "the same files, once, although both deletes match them");
            assertEquals(one.getLong("freed_bytes_expected"), both.getLong("freed_bytes_expected"));
            assertEquals(1, both.getLong("running_replicas"));
            List<Map<String, Object>> affected = both.getList("affected_models");
            assertTrue(affected.stream().noneMatch(m -> a.equals(m.get("model_uid")) || b.equals(m.get("model_uid"))),
                    "models in the batch do not warn about each other: " + affected);
            assertEquals("delete 3 models", both.getString("confirmation_phrase"));
        } finally {
            SimModels.delete(a);
            SimModels.delete(b);
        }
    }

    @Test
    void aBatchWithOneFailureDeletesTheOthersAndAuditsEachModel() {
        String a = SimModels.unique("batch-del-a");
        String b = SimModels.unique("batch-del-b");
        SimModels.create(a, "batch-test/" + a, false, null);
        SimModels.create(b, "batch-test/" + b, false, null);
        String rid = "batch-delete-" + a;
        JsonPath result = given().filter(Contract.FILTER).auth().oauth2(Tokens.admin()).header("X-Request-Id", rid)
                .contentType(ContentType.JSON)
                .body(Map.of("model_uids", List.of(a, "batch-no-such-model", b), "confirmation", "delete 3 models"))
                .when().post("/api/v2/catalog/model-deletions").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(a, "batch-no-such-model", b), result.getList("results.model_uid"));
        assertEquals(List.of("deleted", "failed", "deleted"), result.getList("results.status"));
        assertEquals("not_found", result.getString("results[1].error.code"));
        assertEquals(404, result.getInt("results[1].error.status"));
        assertEquals(2, result.getInt("deleted"));
        assertEquals(1, result.getInt("failed"));
        assertEquals(4, result.getInt("results[0].gc_queued_nodes"));
        assertEquals(null, control().stateOf(a));
        assertEquals(null, control().stateOf(b));
        List<AuditEvent> audit = AuditRows.byRequestId(rid);
        assertEquals(6, audit.size(), "an intent and an outcome per model");
        for (String uid : List.of(a, "batch-no-such-model", b)) {
            List<AuditEvent> mine = audit.stream().filter(e -> uid.equals(e.modelUid)).toList();
            assertEquals(List.of("accepted", uid.equals(b) || uid.equals(a) ? "succeeded" : "failed"),
                    mine.stream().map(e -> e.outcome).toList(), uid);
            assertEquals("delete", mine.get(0).action);
            assertEquals(result.getString("batch_id"), mine.get(0).details.get("batch_id"));
            assertEquals(3, ((Number) mine.get(0).details.get("batch_size")).intValue());
        }
    }

    @Test
    void aWrongConfirmationDeletesNothing() {
        String a = SimModels.unique("batch-keep");
        SimModels.create(a, "batch-test/" + a, false, null);
        try {
            String rid = "batch-unconfirmed-" + a;
            given().filter(Contract.FILTER).auth().oauth2(Tokens.admin()).header("X-Request-Id", rid)
                    .contentType(ContentType.JSON)
                    .body(Map.of("model_uids", List.of(a, "bge-m3"), "confirmation", "delete 1 model"))
                    .when().post("/api/v2/catalog/model-deletions")
                    .then().statusCode(400).body("error.code", equalTo("confirmation_mismatch"))
                    .body("error.details.expected", equalTo("delete 2 models"));
            assertEquals("stopped", control().stateOf(a));
            assertEquals("running", control().stateOf("bge-m3"));
            assertTrue(AuditRows.byRequestId(rid).isEmpty(), "nothing was attempted");
        } finally {
            SimModels.delete(a);
        }
    }

    @Test
    void badListsAre400NamingTheEntry() {
        given().filter(Contract.BAD_REQUEST).auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("model_uids", List.of("bge-m3", "bge-m3"), "confirmation", "delete 2 models"))
                .when().post("/api/v2/catalog/model-deletions")
                .then().statusCode(400).body("error.details.field", equalTo("model_uids[1]"));
        given().filter(Contract.BAD_REQUEST).auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON)
                .body(Map.of("model_uids", List.of())).when().post("/api/v2/catalog/model-deletions/impact")
                .then().statusCode(400).body("error.details.field", equalTo("model_uids"));
        assertFalse(control().stateOf("bge-m3") == null);
    }

    @Test
    void operatorsCannotDeleteInBatchesAndTheAttemptIsAudited() {
        given().filter(Contract.FILTER).auth().oauth2(Tokens.operator()).header("X-Request-Id", "batch-denied-1")
                .contentType(ContentType.JSON)
                .body(Map.of("model_uids", List.of("bge-m3"), "confirmation", "delete 1 model"))
                .when().post("/api/v2/catalog/model-deletions").then().statusCode(403);
        List<AuditEvent> rows = AuditRows.awaitByRequestId("batch-denied-1", r -> !r.isEmpty());
        assertEquals("denied", rows.get(0).outcome);
        assertEquals("delete", rows.get(0).action);
        assertEquals("running", control().stateOf("bge-m3"));
    }
}
