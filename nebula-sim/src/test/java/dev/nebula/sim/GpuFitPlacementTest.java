package dev.nebula.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nebula.sim.scenario.Scenario;
import dev.nebula.sim.support.SimClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A model whose config asks for GPU memory and tensor parallelism is placed as upstream's planner places it
 * (sched/planner.rs): that many GPUs no placement holds, each with the memory free, on the node with the most free.
 */
class GpuFitPlacementTest {

    NebulaSimulator sim;
    SimClient op;

    @BeforeEach
    void start() {
        // a big node of 4 × 80 GB GPUs and a small one of 2 × 24 GB
        sim = NebulaSimulator.start(SimulatorOptions.builder().port(0).scenario(new Scenario("gpus", List.of(
                new Scenario.NodeDef("big", 2_000_000_000_000L, 100_000_000_000L, 4, 81_559L, null, null),
                new Scenario.NodeDef("small", 2_000_000_000_000L, 100_000_000_000L, 2, 24_576L, null, null)),
                null, null, null, null)).build());
        op = new SimClient(sim.baseUrl()).as("operator");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private JsonNode create(String uid, String config) {
        assertEquals(201, op.post("/api/v2/models", "{\"model_uid\":\"" + uid + "\",\"model_name\":\"acme/" + uid
                + "-7B\",\"auto_start\":true,\"config\":" + config + "}").status());
        sim.control().advance(Duration.ofSeconds(2));
        return op.get("/api/v2/models/" + uid).json().get("placement");
    }

    @Test
    void tensorParallelModelGetsThatManyGpusAndTheEngineArgument() {
        JsonNode a = create("tp2", "{\"tensor_parallel_size\":2,\"required_vram_mb\":30000}").get("assignments").get(0);
        assertEquals("big", a.get("node_id").asText(), "only the big node has two GPUs with 30 GB free");
        assertEquals(2, a.get("gpu_indices").size());
        assertEquals(a.get("gpu_indices").get(0).asInt(), a.get("gpu_index").asInt());
        assertEquals("--tensor-parallel-size", a.get("extra_args").get(0).asText(), "upstream puts it first");
        assertEquals("2", a.get("extra_args").get(1).asText());
        JsonNode gpus = null;
        for (JsonNode n : op.get("/api/overview").json().get("nodes")) {
            if ("big".equals(n.get("node_id").asText())) {
                gpus = n.get("gpus");
            }
        }
        int busy = 0;
        for (JsonNode g : gpus) {
            busy += g.get("memory_used_mb").asLong() > 1000 ? 1 : 0;
        }
        assertEquals(2, busy, "both GPUs of the replica hold a share of the weights: " + gpus);
    }

    @Test
    void heldGpusAreNotFreeForTheNextModel() {
        create("first", "{\"tensor_parallel_size\":4,\"required_vram_mb\":20000}");
        JsonNode a = create("second", "{\"required_vram_mb\":20000}").get("assignments").get(0);
        assertEquals("small", a.get("node_id").asText(), "the big node's four GPUs are all held");
        assertEquals(1, a.get("gpu_indices").size());
    }

    @Test
    void aModelThatFitsNoGpuStillGetsANodeWithoutGpus() {
        JsonNode a = create("huge", "{\"required_vram_mb\":200000}").get("assignments").get(0);
        assertTrue(a.get("gpu_index").isNull(), a.toString());
        assertTrue(a.get("gpu_indices").isNull(), a.toString());
    }
}
