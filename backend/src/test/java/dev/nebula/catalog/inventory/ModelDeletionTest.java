package dev.nebula.catalog.inventory;

import dev.nebula.catalog.audit.AuditEvent;
import dev.nebula.catalog.support.AuditRows;
import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.SimModels;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
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

@QuarkusTest
class ModelDeletionTest {

    @Test
    void refusesDeleteToViewerAndOperatorAndAuditsTheAttempt() {
        String uid = SimModels.unique("inv-keep");
        SimModels.create(uid, "inv-test/" + uid, false, null);
        try {
            for (String role : List.of("viewer", "operator")) {
                String rid = "inv-denied-" + role + "-" + uid;
                given().filter(Contract.FILTER).auth().oauth2(role.equals("viewer") ? Tokens.viewer() : Tokens.operator())
                        .header("X-Request-Id", rid).when().delete("/api/v2/catalog/models/" + uid)
                        .then().statusCode(403).body("error.code", equalTo("forbidden"));
                List<AuditEvent> rows = AuditRows.awaitByRequestId(rid, r -> !r.isEmpty());
                assertEquals(1, rows.size());
                assertEquals("delete", rows.get(0).action);
                assertEquals("denied", rows.get(0).outcome);
                assertEquals(uid, rows.get(0).modelUid);
            }
            assertEquals("stopped", control().stateOf(uid), "still there");
        } finally {
            SimModels.delete(uid);
        }
    }

    @Test
    void adminDeletesAndTheAuditTrailShowsIntentThenSuccess() {
        String uid = SimModels.unique("inv-del");
        String name = "inv-test/" + uid;
        SimModels.create(uid, name, false, null);
        String rid = "inv-delete-" + uid;
        given().filter(Contract.FILTER).auth().oauth2(Tokens.admin()).header("X-Request-Id", rid)
                .when().delete("/api/v2/catalog/models/" + uid)
                .then().statusCode(200).body("model_uid", equalTo(uid)).body("status", equalTo("deleted"))
                .body("gc_queued_nodes", equalTo(4));
        List<AuditEvent> rows = AuditRows.awaitByRequestId(rid, r -> r.size() >= 2);
        assertEquals(List.of("accepted", "succeeded"), rows.stream().map(r -> r.outcome).toList());
        assertEquals(rows.get(0).id, rows.get(1).correlatesTo);
        assertEquals("admin", rows.get(0).actor);
        assertEquals(name, rows.get(0).modelId);
        assertEquals(4, ((Number) rows.get(1).details.get("gc_queued_nodes")).intValue());
        given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer())
                .when().get("/api/v2/catalog/models/" + uid).then().statusCode(404);
    }

    @Test
    void deletingAnUnknownModelIs404AndAuditedAsFailed() {
        String rid = "inv-delete-unknown-" + SimModels.unique("x");
        given().filter(Contract.FILTER).auth().oauth2(Tokens.admin()).header("X-Request-Id", rid)
                .when().delete("/api/v2/catalog/models/inv-no-such-model")
                .then().statusCode(404).body("error.code", equalTo("not_found"));
        List<AuditEvent> rows = AuditRows.awaitByRequestId(rid, r -> r.size() >= 2);
        assertEquals(List.of("accepted", "failed"), rows.stream().map(r -> r.outcome).toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void deleteImpactNamesModelsThatShareTheFiles() {
        String a = SimModels.unique("inv-share-a");
        String b = SimModels.unique("inv-share-b");
        String name = "inv-test/" + a + "-0.5B";
        try {
            SimModels.create(a, name, true, null);
            SimModels.create(b, name, false, null);
            SimModels.advance(Duration.ofSeconds(150)); // download, engine start, and a cache scan on every node
            JsonPath impact = given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer())
                    .when().get("/api/v2/catalog/models/" + b + "/delete-impact")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(b, impact.getString("model_uid"));
            assertFalse(impact.getList("nodes").isEmpty(), impact.prettify());
            assertTrue(impact.getLong("freed_bytes_expected") > 1_000_000_000L);
            List<Map<String, Object>> affected = impact.getList("affected_models");
            Map<String, Object> other = affected.stream().filter(m -> a.equals(m.get("model_uid"))).findFirst().orElseThrow();
            Map<String, Object> reason = (Map<String, Object>) other.get("reason");
            assertEquals("same_model_name", reason.get("code"));
            assertTrue(((String) reason.get("message")).contains("same model_name"));
            assertFalse(((List<String>) other.get("nodes")).isEmpty());
            // a's replica is serving: its impact says so with the count as a parameter the page words
            JsonPath running = given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer())
                    .when().get("/api/v2/catalog/models/" + a + "/delete-impact")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(List.of("replicas_serving"), running.getList("notes.code"), running.prettify());
            assertEquals(1, running.getInt("notes[0].params.count"));
        } finally {
            SimModels.delete(a);
            SimModels.delete(b);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void deleteImpactFollowsNebulasRuleNotOurs() {
        JsonPath impact = given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer())
                .when().get("/api/v2/catalog/models/qwen-qwen2-5-7b-instruct/delete-impact")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> files = impact.getList("files_deleted");
        assertTrue(files.stream().anyMatch(f -> ((String) f.get("cache_path")).endsWith("/Qwen2.5-7B-Instruct")
                && "gpu-node-01".equals(f.get("node_id"))), "the plain directory goes too");
        assertTrue(files.stream().noneMatch(f -> ((String) f.get("cache_path")).contains("other-org")));
        assertTrue(impact.getLong("running_replicas") >= 1);
    }

    @Test
    void deleteImpactOfAnUnknownModelIs404() {
        given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer())
                .when().get("/api/v2/catalog/models/inv-no-such-model/delete-impact").then().statusCode(404);
    }
}
