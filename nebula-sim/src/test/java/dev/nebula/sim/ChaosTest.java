package dev.nebula.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nebula.sim.chaos.OutageMode;
import dev.nebula.sim.support.Resp;
import dev.nebula.sim.support.SimClient;
import dev.nebula.sim.support.Sims;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fault injection on /api/** and the /_sim control endpoints. */
class ChaosTest {
    NebulaSimulator sim;
    SimClient viewer;
    SimClient control;

    @BeforeEach
    void start() {
        sim = Sims.demo();
        viewer = new SimClient(sim.baseUrl()).as("viewer");
        control = new SimClient(sim.baseUrl());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void latencyDelaysApiCalls() {
        sim.control().setLatency(300, 0);
        long t0 = System.nanoTime();
        assertEquals(200, viewer.get("/api/healthz").status());
        assertTrue((System.nanoTime() - t0) / 1_000_000 >= 300);
    }

    @Test
    void errorRateOneFailsEveryCallWithEtcdError() {
        sim.control().setErrorRate(1.0);
        Resp r = viewer.get("/api/v2/models");
        assertEquals(500, r.status());
        assertEquals("etcd_error", r.json().get("error").get("code").asText());
        assertEquals("database error", viewer.send("GET", "/api/auth/me", null, null, false).json().get("error")
                .asText(), "auth routes fail like PostgreSQL does");
    }

    @Test
    void outage503AnswersServiceUnavailable() {
        sim.control().setOutage(true);
        assertEquals(503, viewer.get("/api/v2/models").status());
        assertEquals(200, control.get("/_sim/state").status(), "controls are not affected");
    }

    @Test
    void outageResetDropsTheConnectionWithoutAResponse() {
        sim.control().setOutage(OutageMode.RESET);
        assertThrows(UncheckedIOException.class, () -> viewer.get("/api/v2/models"));
        assertEquals(-1, sim.control().requests("/api/v2/models").get(0).status());
    }

    @Test
    void outageMalformedAnswers200WithJsonThatDoesNotParse() {
        control.post("/_sim/chaos", "{\"outage\":\"malformed\"}");
        // unvalidated: breaking the contract is the point
        Resp r = viewer.send("GET", "/api/v2/models", null, null, false);
        assertEquals(200, r.status());
        assertThrows(AssertionError.class, r::json, "the body is not complete JSON");
        assertEquals("malformed", control.get("/_sim/chaos").json().get("outage").asText());
    }

    @Test
    void authBackendOutageRefusesSessionCheckedCallsLikeNebulaWithoutItsUserDatabase() {
        control.post("/_sim/chaos", "{\"outage\":\"auth_backend\"}");
        Resp list = viewer.send("GET", "/api/v2/models", null, null, false);
        assertEquals(403, list.status());
        assertEquals("authentication backend unavailable", list.json().get("error").get("message").asText());
        Resp login = viewer.send("POST", "/api/auth/login", "{\"username\":\"viewer\",\"password\":\"viewer123\"}",
                null, false);
        assertEquals(500, login.status());
        assertEquals("database error", login.json().get("error").asText());
        assertEquals(200, viewer.send("GET", "/api/healthz", null, null, false).status(), "healthz needs no database");
        assertEquals("auth_backend", control.get("/_sim/chaos").json().get("outage").asText());
    }

    @Test
    void hangOutageStallsDataCallsWhileHealthzAndAuthStillAnswer() throws Exception {
        control.post("/_sim/chaos", "{\"outage\":\"hang\"}");
        assertEquals(200, viewer.send("GET", "/api/healthz", null, null, false).status());
        assertEquals(200, viewer.get("/api/auth/me").status(), "the user database is not etcd");
        var held = java.util.concurrent.CompletableFuture.supplyAsync(() -> viewer.get("/api/v2/models").status());
        Thread.sleep(300);
        assertTrue(!held.isDone(), "a data call waits while etcd hangs");
        control.post("/_sim/chaos", "{\"outage\":false}");
        assertEquals(200, held.get(10, java.util.concurrent.TimeUnit.SECONDS), "and answers once it is back");
    }

    @Test
    void chaosIsConfigurableOverHttpAndResetTurnsItOff() {
        Resp set = control.post("/_sim/chaos", "{\"latency_ms\":5,\"jitter_ms\":2,\"error_rate\":0.5,"
                + "\"outage\":\"reset\"}");
        assertEquals("reset", set.json().get("outage").asText());
        assertEquals(5, set.json().get("latency_ms").asInt());
        control.post("/_sim/reset", null);
        assertEquals(false, control.get("/_sim/chaos").json().get("outage").asBoolean());
        assertEquals(200, viewer.get("/api/v2/models").status());
    }

    @Test
    void requestLogAndCountersShowWhatClientsSent() {
        SimClient op = new SimClient(sim.baseUrl()).as("operator");
        op.post("/api/v2/models", "{\"model_name\":\"x/Logged-1B\"}");
        var state = control.get("/_sim/state").json();
        assertEquals(1, state.get("create_calls").asInt());
        assertEquals(1, state.get("request_counts").get("POST /api/v2/models").asInt());
        var log = control.get("/_sim/requests?path=/api/v2/models").json();
        assertEquals("{\"model_name\":\"x/Logged-1B\"}", log.get(0).get("body").asText());
        assertEquals(201, log.get(0).get("status").asInt());
    }

    @Test
    void rulesAndTimeCanBeDrivenOverHttp() {
        control.post("/_sim/rules", "{\"pattern\":\"Doomed\",\"kind\":\"download_fail\"}");
        assertTrue(control.get("/_sim/rules").json().toString().contains("Doomed"));
        assertEquals(400, control.post("/_sim/rules", "{\"pattern\":\"x\",\"kind\":\"explode\"}").status());
        SimClient op = new SimClient(sim.baseUrl()).as("operator");
        op.post("/api/v2/models", "{\"model_name\":\"x/Doomed-7B\",\"auto_start\":true}");
        long before = control.get("/_sim/state").json().get("now_ms").asLong();
        long after = control.post("/_sim/time", "{\"advance_seconds\":400}").json().get("now_ms").asLong();
        assertTrue(after - before >= 400_000);
        assertEquals("failed", control.get("/_sim/state").json().get("models").get("x-doomed-7b").asText());
    }

    @Test
    void resetRestoresTheScenario() {
        new SimClient(sim.baseUrl()).as("admin").delete("/api/v2/models/bge-m3");
        sim.control().addFailureRule("x", dev.nebula.sim.chaos.FailureKind.UNHEALTHY);
        sim.control().reset();
        assertEquals("running", sim.control().stateOf("bge-m3"));
        assertEquals(2, sim.control().failureRules().size());
        assertEquals(0, sim.control().createCalls());
    }

    @Test
    void droppedWriteAnswerStillAppliesTheCreate() {
        control.post("/_sim/chaos", "{\"write_answer\":\"drop\"}");
        SimClient operator = new SimClient(sim.baseUrl()).as("operator");
        assertThrows(UncheckedIOException.class, () -> operator.post("/api/v2/models",
                "{\"model_name\":\"Qwen/Qwen2.5-0.5B\",\"model_uid\":\"dropped-answer\"}"));
        assertEquals("drop", control.get("/_sim/chaos").json().get("write_answer").asText(), "the mode reads back as set");
        assertEquals(200, viewer.get("/api/v2/models/dropped-answer").status(), "the model exists although no answer came");
        assertEquals(200, viewer.get("/api/v2/models").status(), "reads are answered normally");
    }

    @Test
    void delayedWriteAnswerArrivesAfterTheDelayWithTheEffectVisibleBefore() throws Exception {
        control.post("/_sim/chaos", "{\"write_answer\":\"delay\",\"write_answer_delay_ms\":1500}");
        SimClient operator = new SimClient(sim.baseUrl()).as("operator");
        var pending = java.util.concurrent.CompletableFuture.supplyAsync(() -> operator.post("/api/v2/models",
                "{\"model_name\":\"Qwen/Qwen2.5-0.5B\",\"model_uid\":\"late-answer\"}").status());
        long deadline = System.nanoTime() + 1_000_000_000L;
        int seen = 404;
        while (seen != 200 && System.nanoTime() < deadline) {
            seen = viewer.send("GET", "/api/v2/models/late-answer", null, null, false).status();
        }
        assertEquals(200, seen, "the create is applied before its answer is sent");
        assertTrue(!pending.isDone(), "the answer is still held");
        assertEquals(201, pending.get());
    }
}
