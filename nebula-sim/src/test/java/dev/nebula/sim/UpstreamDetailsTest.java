package dev.nebula.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nebula.sim.support.SimClient;
import dev.nebula.sim.support.Sims;
import dev.nebula.sim.wire.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Small things the real BFF does that a client might come to depend on (issue found against the real Nebula). */
class UpstreamDetailsTest {
    static NebulaSimulator sim;

    @BeforeAll
    static void start() {
        sim = Sims.demo();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    SimClient as(String user) {
        return new SimClient(sim.baseUrl()).as(user);
    }

    @Test
    void theBootstrapAdminIsCalledAdministrator() throws Exception {
        JsonNode me = Json.MAPPER.readTree(as("admin").get("/api/auth/me").body());
        assertEquals("Administrator", me.get("display_name").asText());
    }

    @Test
    void answersBuiltWithJsonMacroHaveAlphabeticalKeysAtEveryLevel() throws Exception {
        SimClient admin = as("admin");
        assertSorted(admin.post("/api/v2/models", "{\"model_name\":\"tmp/Sorted-Keys-1B\"}").body());
        assertSorted(admin.post("/api/v2/models/tmp-sorted-keys-1b/stop", null).body());
        assertSorted(admin.post("/api/v2/models/tmp-sorted-keys-1b/start", "{}").body());
        assertSorted(admin.get("/api/v2/nodes/gpu-node-01/disk").body());
        assertSorted(admin.get("/api/whoami").body());
        assertSorted(admin.delete("/api/v2/models/tmp-sorted-keys-1b").body());
    }

    private static void assertSorted(String body) throws Exception {
        check(Json.MAPPER.readTree(body), body);
    }

    private static void check(JsonNode node, String body) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            List<String> sorted = new ArrayList<>(names);
            java.util.Collections.sort(sorted);
            assertEquals(sorted, names, "keys in alphabetical order in " + body);
            node.forEach(child -> check(child, body));
        } else if (node.isArray()) {
            node.forEach(child -> check(child, body));
        }
    }
}
