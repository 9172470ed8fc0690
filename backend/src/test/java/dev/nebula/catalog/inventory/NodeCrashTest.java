package dev.nebula.catalog.inventory;

import dev.nebula.catalog.support.SimModels;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.nebula.catalog.inventory.DownloadProgressTest.rowOf;
import static dev.nebula.catalog.support.NebulaSimulatorResource.control;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node that stops heartbeating takes its replicas with it. Block A must say so, naming the node and its last
 * heartbeat, and not blame a start that happened long before; when the node is back, the model runs again.
 */
@QuarkusTest
class NodeCrashTest {

    private static final String NODE = "gpu-node-01";

    @Test
    @SuppressWarnings("unchecked")
    void aModelWhoseNodeCrashedNamesTheNodeAndItsLastHeartbeatAndRunsAgainWhenItIsBack() {
        String uid = SimModels.unique("inv-crash");
        try {
            SimModels.create(uid, "inv-test/" + uid + "-0.5B", true, NODE);
            for (int i = 0; i < 40 && !"running".equals(rowOf(uid).get("state")); i++) {
                SimModels.advance(Duration.ofSeconds(15));
            }
            assertEquals("running", rowOf(uid).get("state"));
            SimModels.advance(Duration.ofMinutes(10)); // it has run for a while: the last start is long past
            rowOf(uid);
            Instant crashedAround = Instant.ofEpochMilli(control().nowMs());
            control().crashNode(NODE);
            SimModels.advance(Duration.ofSeconds(30));
            rowOf(uid); // within the lease the node still looks alive
            SimModels.advance(Duration.ofSeconds(40)); // the 60 s lease has run out: node record and endpoints gone
            Map<String, Object> row = rowOf(uid);
            assertEquals("failed", row.get("state"));
            Map<String, Object> error = (Map<String, Object>) row.get("error");
            String summary = String.valueOf(error.get("summary"));
            assertTrue(summary.contains(NODE + " stopped reporting"), summary);
            assertTrue(summary.contains("replica 0"), summary);
            assertFalse(summary.contains("within 5 minutes"), "not blamed on the start: " + summary);
            Instant since = Instant.parse(String.valueOf(error.get("since")));
            assertTrue(!since.isAfter(crashedAround) && since.isAfter(crashedAround.minusSeconds(10)),
                    "since is the last heartbeat, just before the crash: " + since + " vs " + crashedAround);

            control().recoverNode(NODE);
            for (int i = 0; i < 40 && !"running".equals(rowOf(uid).get("state")); i++) {
                SimModels.advance(Duration.ofSeconds(15));
            }
            row = rowOf(uid);
            assertEquals("running", row.get("state"));
            assertNull(row.get("error"));
        } finally {
            control().recoverNode(NODE);
            SimModels.advance(Duration.ofMinutes(5)); // the node's other replicas are back before the next test
            SimModels.delete(uid);
        }
    }
}
