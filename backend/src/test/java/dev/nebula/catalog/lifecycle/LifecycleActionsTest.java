package dev.nebula.catalog.lifecycle;

import dev.nebula.catalog.audit.AuditEvent;
import dev.nebula.catalog.support.AuditRows;
import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.SimModels;
import dev.nebula.catalog.support.Tokens;
import dev.nebula.sim.chaos.FailureKind;
import dev.nebula.sim.chaos.RecordedRequest;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Start, retry, stop and cancel a download: what Nebula receives, what the answer says, what the audit holds. */
@QuarkusTest
class LifecycleActionsTest {

    static JsonPath act(String uid, String action, String rid, int status) {
        return given().filter(Contract.FILTER).auth().oauth2(Tokens.operator()).header("X-Request-Id", rid)
                .when().post("/api/v2/catalog/models/" + uid + "/" + action)
                .then().statusCode(status).extract().jsonPath();
    }

    static JsonPath row(String uid) {
        return given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer())
                .when().get("/api/v2/catalog/models/" + uid).then().statusCode(200).extract().jsonPath();
    }

    static List<RecordedRequest> sent(String uid, String action) {
        return control().requests("/api/v2/models/" + uid + "/" + action);
    }

    @Test
    void stopsARunningModelThenStartsItAgainAndNeverRestartsARunningOne() {
        String uid = SimModels.unique("life-run");
        try {
            SimModels.create(uid, "life-test/" + uid + "-0.5B", true, "gpu-node-02");
            SimModels.advance(Duration.ofSeconds(30));
            assertEquals("running", row(uid).getString("model.state"));
            assertEquals(List.of("stop"), row(uid).getList("model.actions"));

            JsonPath stopped = act(uid, "stop", "life-stop-" + uid, 200);
            assertEquals("stop", stopped.getString("action"));
            assertEquals("stopped", stopped.getString("desired_state"));
            assertEquals(List.of("files_kept"), stopped.getList("notices.code"));
            List<AuditEvent> audit = AuditRows.byRequestId("life-stop-" + uid);
            assertEquals(List.of("accepted", "succeeded"), audit.stream().map(a -> a.outcome).toList());
            assertEquals("stop", audit.get(0).action);
            assertEquals(uid, audit.get(0).modelUid);
            assertEquals("running", audit.get(0).details.get("state_before"));

            SimModels.advance(Duration.ofSeconds(10)); // engines gone: stopped
            assertEquals(List.of("start"), row(uid).getList("model.actions"));
            int stops = sent(uid, "stop").size();
            given().filter(Contract.FILTER).auth().oauth2(Tokens.operator()).header("X-Request-Id", "life-restop-" + uid)
                    .when().post("/api/v2/catalog/models/" + uid + "/stop")
                    .then().statusCode(409).body("error.code", equalTo("model_not_running"))
                    .body("error.details.notice.params.state", equalTo("stopped"));
            assertEquals(stops, sent(uid, "stop").size(), "nothing sent");
            assertEquals(List.of("refused"), AuditRows.byRequestId("life-restop-" + uid).stream().map(a -> a.outcome).toList());

            JsonPath started = act(uid, "start", "life-start-" + uid, 200);
            assertEquals("start", started.getString("action"));
            assertEquals("running", started.getString("desired_state"));
            assertEquals("{}", sent(uid, "start").get(0).body(), "Nebula's start needs a JSON body");
            SimModels.advance(Duration.ofSeconds(30));
            assertEquals("running", row(uid).getString("model.state"));
            given().filter(Contract.FILTER).auth().oauth2(Tokens.operator())
                    .when().post("/api/v2/catalog/models/" + uid + "/start")
                    .then().statusCode(409).body("error.code", equalTo("model_not_startable"))
                    .body("error.details.notice.params.state", equalTo("running"));
            assertEquals(1, sent(uid, "start").size(), "a running model is never restarted by accident");
        } finally {
            SimModels.delete(uid);
        }
    }

    @Test
    void retriesAFailedModelWithNebulasStart() {
        String uid = SimModels.unique("life-fail");
        control().addFailureRule("^life-test/" + uid + "-7B$", FailureKind.DOWNLOAD_FAIL);
        try {
            SimModels.create(uid, "life-test/" + uid + "-7B", true, "gpu-node-02");
            SimModels.advance(Duration.ofSeconds(40)); // fails at about 30 % of 14 GB
            JsonPath before = row(uid);
            assertEquals("failed", before.getString("model.state"), before.prettify());
            assertEquals(List.of("retry", "stop"), before.getList("model.actions"));
            JsonPath retried = act(uid, "start", "life-retry-" + uid, 200);
            assertEquals("retry", retried.getString("action"));
            assertEquals(1, sent(uid, "start").size());
            List<AuditEvent> audit = AuditRows.byRequestId("life-retry-" + uid);
            assertEquals("retry", audit.get(0).action);
            assertEquals(List.of("accepted", "succeeded"), audit.stream().map(a -> a.outcome).toList());
        } finally {
            SimModels.delete(uid);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void cancelsADownloadAndSaysNebulaKeepsThePartialFiles() {
        String uid = SimModels.unique("life-dl");
        try {
            SimModels.create(uid, "life-test/" + uid + "-70B", true, "gpu-node-02"); // 140 GB
            SimModels.advance(Duration.ofSeconds(20));
            assertEquals(List.of("cancel_download"), row(uid).getList("model.actions"));
            JsonPath cancelled = act(uid, "stop", "life-cancel-" + uid, 200);
            assertEquals("cancel_download", cancelled.getString("action"));
            Map<String, Object> notice = cancelled.getMap("notices[0]");
            assertEquals("partial_files_kept", notice.get("code"));
            Map<String, Object> params = (Map<String, Object>) notice.get("params");
            assertEquals("gpu-node-02", params.get("nodes"));
            assertTrue(((Number) params.get("bytes")).longValue() > 1_000_000_000L, params.toString());
            assertTrue(((String) notice.get("message")).contains("until the model is deleted"));
            assertEquals("cancel_download", AuditRows.byRequestId("life-cancel-" + uid).get(0).action);
            assertEquals(1, sent(uid, "stop").size());
        } finally {
            SimModels.delete(uid);
        }
    }

    @Test
    void anUnknownModelIs404AndTheAttemptIsAudited() {
        given().filter(Contract.FILTER).auth().oauth2(Tokens.operator()).header("X-Request-Id", "life-unknown-1")
                .when().post("/api/v2/catalog/models/life-no-such-model/start")
                .then().statusCode(404).body("error.code", equalTo("not_found"));
        assertEquals(List.of("accepted", "failed"),
                AuditRows.byRequestId("life-unknown-1").stream().map(a -> a.outcome).toList());
    }

    @Test
    void viewersCannotStopAndTheAttemptIsAudited() {
        given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer()).header("X-Request-Id", "life-denied-1")
                .when().post("/api/v2/catalog/models/bge-m3/stop").then().statusCode(403);
        List<AuditEvent> rows = AuditRows.awaitByRequestId("life-denied-1", r -> !r.isEmpty());
        assertEquals("denied", rows.get(0).outcome);
        assertEquals("stop", rows.get(0).action);
        assertEquals("bge-m3", rows.get(0).modelUid);
        assertEquals("running", control().stateOf("bge-m3"));
    }
}
