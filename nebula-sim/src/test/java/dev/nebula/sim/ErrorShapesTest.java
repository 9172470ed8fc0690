package dev.nebula.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nebula.sim.support.Contract;
import dev.nebula.sim.support.Resp;
import dev.nebula.sim.support.SimClient;
import dev.nebula.sim.support.Sims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The four error body families of reference §3, plus axum's empty 404/405 and their ordering against auth. */
class ErrorShapesTest {
    static NebulaSimulator sim;
    static SimClient operator;
    static SimClient anonymous;

    @BeforeAll
    static void start() {
        sim = Sims.demo();
        operator = new SimClient(sim.baseUrl()).as("operator");
        anonymous = new SimClient(sim.baseUrl());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void handlerErrorsCarryCodeMessageAndFreshRequestId() {
        Resp a = operator.get("/api/v2/models/nope");
        Resp b = operator.get("/api/v2/models/nope");
        assertEquals(404, a.status());
        JsonNode e = a.json().get("error");
        assertEquals("not_found", e.get("code").asText());
        assertEquals("model not found", e.get("message").asText());
        assertTrue(e.get("request_id").asText().matches("req_[0-9a-f-]{36}"));
        assertFalse(e.has("details"));
        assertFalse(e.get("request_id").equals(b.json().get("error").get("request_id")));
    }

    @Test
    void middlewareErrorsAreNestedMessageOnly() {
        Resp missing = anonymous.get("/api/v2/models");
        assertEquals(401, missing.status());
        assertEquals("{\"error\":{\"message\":\"missing token\"}}", missing.body());
        Resp invalid = new SimClient(sim.baseUrl()).withToken("f".repeat(64)).get("/api/v2/models");
        assertEquals("{\"error\":{\"message\":\"invalid or expired token\"}}", invalid.body());
    }

    @Test
    void authHandlerErrorsAreFlatStrings() {
        Resp bad = anonymous.post("/api/auth/login", "{\"username\":\"admin\",\"password\":\"wrong\"}");
        assertEquals(401, bad.status());
        assertEquals("{\"error\":\"invalid credentials\"}", bad.body());
        Resp empty = anonymous.post("/api/auth/login", "{\"username\":\"  \",\"password\":\"x\"}");
        assertEquals(400, empty.status());
        assertEquals("username and password are required", empty.json().get("error").asText());
        Resp disabled = anonymous.post("/api/auth/login", "{\"username\":\"former-admin\",\"password\":\"wrong\"}");
        assertEquals(403, disabled.status(), "the disabled check runs before the password check");
        assertEquals("user disabled", disabled.json().get("error").asText());
    }

    @Test
    void bodyRejectionsArePlainText() {
        Resp noType = operator.send("POST", "/api/v2/models", "text/plain", "{\"model_name\":\"x\"}", true);
        assertEquals(415, noType.status());
        assertTrue(noType.contentType().startsWith("text/plain"));
        assertEquals("Expected request with `Content-Type: application/json`", noType.body());

        Resp empty = operator.send("POST", "/api/v2/models", "application/json", "", true);
        assertEquals(400, empty.status());
        assertTrue(empty.body().startsWith("Failed to parse the request body as JSON: EOF"));

        Resp broken = operator.send("POST", "/api/v2/models", "application/json", "{\"model_name\":", true);
        assertEquals(400, broken.status());

        Resp missing = operator.post("/api/v2/models", "{}");
        assertEquals(422, missing.status());
        assertTrue(missing.body().startsWith(
                "Failed to deserialize the JSON body into the target type: missing field `model_name`"));

        Resp spelling = operator.post("/api/v2/models", "{\"model_name\":\"a/b\",\"model_source\":\"huggingface\"}");
        assertEquals(422, spelling.status());
        assertTrue(spelling.body().contains("model_source: unknown variant `huggingface`, expected one of "
                + "`hugging_face`, `model_scope`, `local`"), spelling.body());

        Resp negative = operator.post("/api/v2/models", "{\"model_name\":\"a/b\",\"replicas\":-1}");
        assertEquals(422, negative.status());
        assertTrue(negative.body().contains("replicas: invalid value: integer `-1`, expected u32"));

        Resp label = operator.post("/api/v2/models", "{\"model_name\":\"a/b\",\"labels\":{\"team\":1}}");
        assertTrue(label.body().contains("labels.team: invalid type: integer `1`, expected a string"));
    }

    @Test
    void startNeedsABodyButStopDoesNot() {
        Resp start = operator.send("POST", "/api/v2/models/bge-m3/start", null, null, true);
        assertEquals(415, start.status());
        assertEquals(200, operator.send("POST", "/api/v2/models/baai-bge-reranker-v2-m3/stop", null, null, true)
                .status());
    }

    @Test
    void unknownPathsAndTrailingSlashesAre404WithEmptyBody() {
        for (String path : new String[] {"/api/v2/models/", "/api/nope", "/nope", "/api/v2/models//start"}) {
            Resp r = operator.get(path);
            assertEquals(404, r.status(), path);
            assertEquals("", r.body(), path);
        }
        assertEquals(404, anonymous.get("/api/nope").status(), "unknown paths do not ask for a token");
    }

    @Test
    void wrongMethodIs405EmptyButOnly401WithoutSession() {
        Resp authed = operator.send("PATCH", "/api/v2/models", "application/json", "{}", true);
        assertEquals(405, authed.status());
        assertEquals("", authed.body());
        Resp anon = anonymous.send("DELETE", "/api/v2/cache/summary", null, null, false); // undocumented method
        assertEquals(401, anon.status(), "401 comes before 405");
    }

    @Test
    void duplicateQueryParameterIsPlainText400() {
        Resp r = operator.get("/api/v2/models?label=a=b&label=c=d");
        assertEquals(400, r.status());
        assertTrue(r.body().startsWith("Failed to deserialize query string: "));
    }

    @Test
    void contractValidationRejectsWrongEnumSpelling() {
        Resp wrong = new Resp(201, "application/json", "{\"model_uid\":\"a\",\"model_name\":\"a\","
                + "\"model_source\":\"huggingface\",\"labels\":{},\"created_at_ms\":1,\"updated_at_ms\":1}");
        assertThrows(AssertionError.class, () -> Contract.assertValid("POST", "/api/v2/models", wrong));
    }
}
