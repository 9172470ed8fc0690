package dev.nebula.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.nebula.sim.support.Resp;
import dev.nebula.sim.support.SimClient;
import dev.nebula.sim.support.Sims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sessions and role rules of reference §2. */
class AuthAndRolesTest {
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
    void viewerReadsEverythingButCannotCreate() {
        SimClient viewer = as("viewer");
        assertEquals(200, viewer.get("/api/v2/models").status());
        assertEquals(200, viewer.get("/api/v2/cache/summary").status());
        Resp create = viewer.post("/api/v2/models", "{\"model_name\":\"x/y\"}");
        assertEquals(403, create.status());
        assertEquals("{\"error\":{\"message\":\"insufficient permissions\"}}", create.body());
    }

    @Test
    void viewerWithBadBodyGetsBodyErrorBeforeRoleError() {
        SimClient viewer = as("viewer");
        assertEquals(422, viewer.post("/api/v2/models", "{}").status());
        assertEquals(415, viewer.send("POST", "/api/v2/models", null, "{}", true).status());
        assertEquals(0, sim.control().requestCounts().entrySet().stream()
                .filter(e -> e.getKey().startsWith("POST /api/v2/models/")).count());
    }

    @Test
    void operatorCanStartStopButNotDelete() {
        SimClient operator = as("operator");
        assertEquals(200, operator.post("/api/v2/models/google-gemma-2-9b-it/stop", null).status());
        assertEquals(403, operator.delete("/api/v2/models/google-gemma-2-9b-it").status());
        assertEquals(201, as("admin").post("/api/v2/models", "{\"model_name\":\"tmp/Delete-Me-1B\"}").status());
        assertEquals(200, as("admin").delete("/api/v2/models/tmp-delete-me-1b").status());
    }

    @Test
    void scenarioUsersCanLogIn() {
        SimClient svc = new SimClient(sim.baseUrl());
        Resp r = svc.post("/api/auth/login", "{\"username\":\"catalog-svc\",\"password\":\"s3cret-Passw0rd\"}");
        assertEquals(200, r.status());
        assertEquals("operator", r.json().get("user").get("role").asText());
        assertEquals("Catalog service account", r.json().get("user").get("display_name").asText());
    }

    @Test
    void everyLoginIsASeparateSessionAndLogoutEndsOnlyItsOwn() {
        SimClient first = as("operator");
        SimClient second = as("operator");
        assertNotEquals(first.token(), second.token());
        assertEquals(200, first.post("/api/auth/logout", "{}").status());
        assertEquals(401, first.get("/api/whoami").status());
        assertEquals(200, second.get("/api/whoami").status());
    }

    @Test
    void bearerPrefixIsCaseSensitive() {
        String token = as("viewer").token();
        Resp r = new SimClient(sim.baseUrl()).send("GET", "/api/whoami", null, null, false);
        assertEquals(401, r.status());
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        try {
            int status = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.baseUrl()
                    + "/api/whoami")).header("Authorization", "bearer " + token).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            assertEquals(401, status);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void clearedSessionsForceALogin() {
        SimClient viewer = as("viewer");
        sim.control().clearSessions();
        assertEquals(401, viewer.get("/api/whoami").status());
        assertEquals(200, new SimClient(sim.baseUrl()).withToken(sim.control().tokenFor("viewer"))
                .get("/api/whoami").status());
    }
}
