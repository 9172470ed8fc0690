package dev.nebula.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nebula.sim.chaos.FailureKind;
import dev.nebula.sim.support.SimClient;
import dev.nebula.sim.support.Sims;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Model lifecycle over simulated time (reference §5, §9, §10), driven by explicit clock jumps. */
class LifecycleTest {
    static final long GB = 1_000_000_000L;

    NebulaSimulator sim;
    SimClient op;

    @BeforeEach
    void start() {
        sim = Sims.twoNodes(GB);
        op = new SimClient(sim.baseUrl()).as("operator");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    void advance(double seconds) {
        sim.control().advance(Duration.ofMillis((long) (seconds * 1000)));
    }

    JsonNode detail(String uid) {
        return op.get("/api/v2/models/" + uid).json();
    }

    String create(String name, String extra) {
        var r = op.post("/api/v2/models", "{\"model_name\":\"" + name + "\",\"auto_start\":true" + extra + "}");
        assertEquals(201, r.status(), r.body());
        return r.json().get("model_uid").asText();
    }

    @Test
    void autoStartedModelDownloadsWithGrowingBytesThenRuns() {
        String uid = create("Qwen/Qwen2.5-7B-Instruct", "");
        JsonNode d = detail(uid);
        assertEquals("starting", d.get("state").asText(), "no placement yet");
        assertEquals(1, d.get("deployment").get("version").asInt());

        advance(1.1);
        d = detail(uid);
        assertEquals("downloading", d.get("state").asText());
        JsonNode first = d.get("download_progress").get("replicas").get(0);
        assertEquals(0, first.get("downloaded_bytes").asLong(), "the first write carries 0 bytes");

        advance(3);
        long bytes1 = detail(uid).get("download_progress").get("replicas").get(0).get("downloaded_bytes").asLong();
        advance(3);
        JsonNode p2 = detail(uid).get("download_progress").get("replicas").get(0);
        assertTrue(bytes1 > 0 && p2.get("downloaded_bytes").asLong() > bytes1, "bytes grow every 3 s");
        assertTrue(p2.get("files_done").asLong() > 0);
        assertEquals(0, p2.get("total_bytes").asLong());

        advance(60);
        d = detail(uid);
        assertEquals("running", d.get("state").asText());
        JsonNode endpoint = d.get("endpoints").get(0);
        assertEquals("ready", endpoint.get("status").asText());
        assertEquals("http://127.0.0.1:" + d.get("placement").get("assignments").get(0).get("port").asInt(),
                endpoint.get("base_url").asText());
        assertEquals(1, d.get("replicas").get("ready").asInt());
    }

    @Test
    void terminalProgressRecordIsZeroedAndExpiresThirtySecondsAfterItsLastWrite() {
        String uid = create("org/Tiny-0.5B", ""); // ~1 GB: one tick completes
        advance(4.5);
        JsonNode p = detail(uid).get("download_progress").get("replicas").get(0);
        assertEquals("complete", p.get("phase").asText());
        assertEquals(0, p.get("downloaded_bytes").asLong());
        assertEquals(0, p.get("files_done").asLong());
        advance(29);
        assertTrue(!detail(uid).get("download_progress").isNull(), "still within the 30 s lease");
        advance(2);
        assertTrue(detail(uid).get("download_progress").isNull());
    }

    @Test
    void cachedModelStartsWithoutAnyProgressKey() {
        String uid = create("org/Small-1B", "");
        advance(60);
        assertEquals("running", sim.control().stateOf(uid));
        op.post("/api/v2/models/" + uid + "/stop", null);
        advance(40); // past the stop linger and the old progress lease
        op.post("/api/v2/models/" + uid + "/start", "{}");
        advance(1.1);
        JsonNode d = detail(uid);
        assertTrue(d.get("download_progress").isNull(), "files are on disk: no download");
        assertEquals("starting", d.get("state").asText());
        advance(20);
        assertEquals("running", sim.control().stateOf(uid));
    }

    @Test
    void stopGoesThroughStoppingWhileEndpointsLinger() {
        String uid = create("org/Small-1B", "");
        advance(60);
        var stopped = op.post("/api/v2/models/" + uid + "/stop", null).json();
        assertEquals("stopped", stopped.get("desired_state").asText());
        assertEquals(2, stopped.get("version").asInt());
        assertEquals("stopping", sim.control().stateOf(uid));
        advance(1.1);
        assertEquals("stopping", sim.control().stateOf(uid));
        advance(6);
        assertEquals("stopped", sim.control().stateOf(uid));
        JsonNode d = detail(uid);
        assertTrue(d.get("placement").isNull());
        assertEquals(1, d.get("replicas").get("desired").asInt(), "a stopped deployment keeps its replicas");
    }

    @Test
    void failedDownloadSitsWithoutEndpointsUntilTheFiveMinuteTimer() {
        sim.control().addFailureRule("Broken", FailureKind.DOWNLOAD_FAIL);
        String uid = create("org/Broken-7B", "");
        advance(8);
        JsonNode p = detail(uid).get("download_progress").get("replicas").get(0);
        assertEquals("failed", p.get("phase").asText());
        assertEquals("starting", sim.control().stateOf(uid), "a failed phase does not count as downloading");
        advance(31);
        assertTrue(detail(uid).get("download_progress").isNull(), "the failed record expires");
        advance(240);
        assertEquals("starting", sim.control().stateOf(uid));
        advance(30);
        assertEquals("failed", sim.control().stateOf(uid));
        op.post("/api/v2/models/" + uid + "/start", "{}");
        assertNotEquals("failed", sim.control().stateOf(uid), "start resets the failed timer");
    }

    @Test
    void unhealthyReplicaMakesTwoReplicasDegradedAndOneReplicaStartingForever() {
        sim.control().addFailureRule("Flaky", FailureKind.UNHEALTHY);
        String two = create("org/Flaky-1B", ",\"replicas\":2");
        String one = create("org/Flaky-Solo-1B", "");
        advance(60);
        JsonNode d = detail(two);
        assertEquals("degraded", d.get("state").asText());
        assertEquals(1, d.get("replicas").get("ready").asInt());
        assertEquals(1, d.get("replicas").get("unhealthy").asInt());
        assertEquals(2, d.get("placement").get("assignments").size());
        advance(600);
        assertEquals("starting", sim.control().stateOf(one), "unhealthy endpoints never become failed");
    }

    @Test
    void startOnRunningModelReplansOnANewPortAndBumpsVersion() {
        String uid = create("org/Small-1B", "");
        advance(60);
        int port = detail(uid).get("placement").get("assignments").get(0).get("port").asInt();
        JsonNode dep = op.post("/api/v2/models/" + uid + "/start", "{\"replicas\":1}").json();
        assertEquals(2, dep.get("version").asInt());
        advance(30);
        assertNotEquals(port, detail(uid).get("placement").get("assignments").get(0).get("port").asInt());
        assertEquals("running", sim.control().stateOf(uid));
    }

    @Test
    void scaleNeedsARunningDeployment() {
        op.post("/api/v2/models", "{\"model_name\":\"org/Idle-1B\"}");
        JsonNode noDeployment = op.put("/api/v2/models/org-idle-1b/scale", "{\"replicas\":2}").json();
        assertEquals("deployment not found (model may not be started)",
                noDeployment.get("error").get("message").asText());
        JsonNode stop = op.post("/api/v2/models/org-idle-1b/stop", null).json();
        assertEquals(0, stop.get("replicas").asInt(), "stop without a deployment writes replicas 0");
        assertEquals(1, stop.get("version").asInt());
        var scaled = op.put("/api/v2/models/org-idle-1b/scale", "{\"replicas\":2}");
        assertEquals(409, scaled.status());
        assertEquals("model_stopped", scaled.json().get("error").get("code").asText());
    }

    @Test
    void unschedulableModelStaysStartingForever() {
        String uid = create("org/Pinned-1B", ",\"node_id\":\"no-such-node\"");
        advance(3600);
        assertEquals("starting", sim.control().stateOf(uid));
    }
}
