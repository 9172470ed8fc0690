package dev.nebula.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nebula.sim.support.Resp;
import dev.nebula.sim.support.SimClient;
import dev.nebula.sim.support.Sims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Create / update / list filters (reference §5.1, §5.3, §5.4). */
class ModelCommandsTest {
    NebulaSimulator sim;
    SimClient op;

    @BeforeEach
    void start() {
        sim = Sims.twoNodes(1_000_000_000L);
        op = new SimClient(sim.baseUrl()).as("operator");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void generatedUidKeepsTheOrgAndConflictsGive409WithoutSuffix() {
        Resp r = op.post("/api/v2/models", "{\"model_name\":\"Qwen/Qwen2.5-7B-Instruct\"}");
        assertEquals(201, r.status());
        JsonNode spec = r.json();
        assertEquals("qwen-qwen2-5-7b-instruct", spec.get("model_uid").asText());
        assertEquals("hugging_face", spec.get("model_source").asText());
        assertEquals("operator", spec.get("created_by").asText());
        assertEquals(0, spec.get("labels").size());
        assertFalse(spec.has("config"));

        Resp again = op.post("/api/v2/models", "{\"model_name\":\"Qwen/Qwen2.5-7B-Instruct\"}");
        assertEquals(409, again.status());
        JsonNode e = again.json().get("error");
        assertEquals("model_exists", e.get("code").asText());
        assertEquals("model with uid 'qwen-qwen2-5-7b-instruct' already exists", e.get("message").asText());
        assertEquals(409, op.post("/api/v2/models",
                "{\"model_name\":\"other\",\"model_uid\":\"qwen-qwen2-5-7b-instruct\"}").status());
        assertEquals(3, sim.control().createCalls(), "every POST counts, conflicts included");
        assertTrue(sim.control().createRequestBodies().get(0).contains("Qwen2.5-7B-Instruct"));
    }

    @Test
    void suppliedUidIsValidatedButGeneratedOneIsNot() {
        for (String bad : new String[] {"Upper", "-lead", "", "a".repeat(64), "has_underscore"}) {
            Resp r = op.post("/api/v2/models", "{\"model_name\":\"x\",\"model_uid\":\"" + bad + "\"}");
            assertEquals(400, r.status(), bad);
            assertEquals("invalid_model_uid", r.json().get("error").get("code").asText());
        }
        assertEquals(201, op.post("/api/v2/models", "{\"model_name\":\"x\",\"model_uid\":\"trailing-\"}").status());
        assertEquals(201, op.post("/api/v2/models", "{\"model_name\":\"x\",\"model_uid\":null}").status(),
                "null means generate");
        Resp empty = op.post("/api/v2/models", "{\"model_name\":\"!!!\"}");
        assertEquals("", empty.json().get("model_uid").asText(), "a generated uid can be empty, as upstream");
    }

    @Test
    void emptyConfigObjectIsStoredWithAllKeysNull() {
        JsonNode spec = op.post("/api/v2/models", "{\"model_name\":\"a/b\",\"config\":{}}").json();
        assertEquals(5, spec.get("config").size());
        assertTrue(spec.get("config").get("max_model_len").isNull());
    }

    @Test
    void updateMergesPresentFieldsReplacesLabelsAndNeverClears() {
        op.post("/api/v2/models", "{\"model_name\":\"a/b\",\"engine_type\":\"vllm\",\"labels\":{\"x\":\"1\",\"y\":\"2\"}}");
        JsonNode before = op.get("/api/v2/models/a-b").json().get("spec");
        JsonNode after = op.put("/api/v2/models/a-b",
                "{\"engine_type\":null,\"labels\":{\"z\":\"3\"},\"model_uid\":\"ignored\"}").json();
        assertEquals("vllm", after.get("engine_type").asText(), "null means unchanged");
        assertEquals("{\"z\":\"3\"}", after.get("labels").toString(), "labels are replaced whole");
        assertEquals("a-b", after.get("model_uid").asText());
        assertEquals(before.get("created_at_ms"), after.get("created_at_ms"));
        assertTrue(after.get("updated_at_ms").asLong() >= before.get("updated_at_ms").asLong());
        assertEquals(404, op.put("/api/v2/models/nope", "{}").status());
    }

    @Test
    void listFiltersOnExactStateAndOnLabelKeyValue() {
        op.post("/api/v2/models", "{\"model_name\":\"a/one\",\"labels\":{\"team\":\"search\"}}");
        op.post("/api/v2/models", "{\"model_name\":\"a/two\",\"labels\":{\"team\":\"chat=bot\"}}");
        assertEquals(2, op.get("/api/v2/models?state=stopped").json().size());
        assertEquals(0, op.get("/api/v2/models?state=Stopped").json().size(), "case-sensitive");
        assertEquals(0, op.get("/api/v2/models?state=bogus").json().size(), "unknown state is [] not 400");
        assertEquals(1, op.get("/api/v2/models?label=team%3Dsearch").json().size());
        assertEquals(1, op.get("/api/v2/models?label=team=chat=bot").json().size(), "split at the first '='");
        assertEquals(2, op.get("/api/v2/models?label=team").json().size(), "no '=' means no filter");
    }

    @Test
    void createWithoutAutoStartHasNoDeployment() {
        op.post("/api/v2/models", "{\"model_name\":\"a/b\",\"replicas\":3}");
        JsonNode d = op.get("/api/v2/models/a-b").json();
        assertTrue(d.get("deployment").isNull());
        assertEquals("stopped", d.get("state").asText());
        assertEquals(0, d.get("replicas").get("desired").asInt());
    }

    @Test
    void autoStartWritesDeploymentWithAffinities() {
        op.post("/api/v2/models", "{\"model_name\":\"a/b\",\"auto_start\":true,\"replicas\":2,"
                + "\"node_id\":\"node-b\",\"gpu_indices\":[3]}");
        JsonNode dep = op.get("/api/v2/models/a-b").json().get("deployment");
        assertEquals("running", dep.get("desired_state").asText());
        assertEquals(2, dep.get("replicas").asInt());
        assertEquals("node-b", dep.get("node_affinity").asText());
        assertEquals("[3]", dep.get("gpu_affinity").toString());
        assertEquals(1, dep.get("version").asInt());
    }
}
