package dev.nebula.catalog.auth;

import dev.nebula.catalog.audit.AuditEvent;
import dev.nebula.catalog.support.AuditRows;
import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.NebulaSimulatorResource;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SignInTest {

    @AfterEach
    void forgetFailures() {
        LoginThrottleTest.forgetAllFailures();
    }

    @Test
    void eachSimulatorAccountSignsInWithItsNebulaRole() {
        for (String[] account : new String[][]{{"admin", "admin123"}, {"operator", "operator123"}, {"viewer", "viewer123"}}) {
            String token = given().filter(Contract.FILTER).contentType(ContentType.JSON)
                    .body(Map.of("username", account[0], "password", account[1]))
                    .when().post("/api/v2/catalog/auth/login")
                    .then().statusCode(200)
                    .body("user.username", equalTo(account[0]))
                    .body("user.role", equalTo(account[0]))
                    .body("token_type", equalTo("Bearer"))
                    .body("expires_at", notNullValue())
                    .extract().path("token");
            given().filter(Contract.FILTER).auth().oauth2(token)
                    .when().get("/api/v2/catalog/auth/me")
                    .then().statusCode(200).body("user.role", equalTo(account[0]));
        }
    }

    @Test
    void successfulSignInIsAudited() {
        given().filter(Contract.FILTER).contentType(ContentType.JSON).header("X-Request-Id", "login-ok-1")
                .body(Map.of("username", "operator", "password", "operator123"))
                .when().post("/api/v2/catalog/auth/login").then().statusCode(200);
        List<AuditEvent> rows = AuditRows.byRequestId("login-ok-1");
        assertEquals(1, rows.size());
        assertEquals("login", rows.get(0).action);
        assertEquals("succeeded", rows.get(0).outcome);
        assertEquals("operator", rows.get(0).actor);
        assertEquals("operator", rows.get(0).role);
        assertEquals("127.0.0.1", rows.get(0).clientAddress);
    }

    @Test
    void wrongPasswordIs401AndAuditedAsFailedLogin() {
        given().filter(Contract.FILTER).contentType(ContentType.JSON).header("X-Request-Id", "login-bad-1")
                .body(Map.of("username", "admin", "password", "guess"))
                .when().post("/api/v2/catalog/auth/login")
                .then().statusCode(401).body("error.code", equalTo("invalid_credentials"))
                .body("error.request_id", equalTo("login-bad-1"));
        List<AuditEvent> rows = AuditRows.byRequestId("login-bad-1");
        assertEquals(1, rows.size());
        assertEquals("login_failed", rows.get(0).action);
        assertEquals("denied", rows.get(0).outcome);
    }

    @Test
    void missingFieldsAre400NamingTheField() {
        given().filter(Contract.BAD_REQUEST).contentType(ContentType.JSON).body(Map.of("username", "admin", "password", ""))
                .when().post("/api/v2/catalog/auth/login")
                .then().statusCode(400).body("error.details.field", equalTo("password"));
    }

    @Test
    void logoutEndsTheNebulaSessionAndRefusesTheTokenAfterwards() {
        String token = Tokens.login("viewer", "viewer123");
        given().filter(Contract.FILTER).auth().oauth2(token).header("X-Request-Id", "logout-1")
                .when().post("/api/v2/catalog/auth/logout").then().statusCode(204);
        given().filter(Contract.FILTER).auth().oauth2(token)
                .when().get("/api/v2/catalog/auth/me")
                .then().statusCode(401).body("error.code", equalTo("unauthorized"));
        List<AuditEvent> rows = AuditRows.byRequestId("logout-1");
        assertEquals(List.of("accepted", "succeeded"), rows.stream().map(r -> r.outcome).toList());
        assertTrue(NebulaSimulatorResource.control().requestCounts().getOrDefault("POST /api/auth/logout", 0) >= 1);
    }

    @Inject
    SessionRegistry sessions;

    @Test
    void anEndedNebulaSessionGives401AskingToSignInAgain() throws Exception {
        String token = Tokens.login("operator", "operator123");
        String jti = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1])).path("jti").asText();
        String nebulaToken = sessions.find(jti).orElseThrow().nebulaToken();
        java.net.http.HttpResponse<String> out = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(NebulaSimulatorResource.baseUrl() + "/api/auth/logout"))
                        .header("Authorization", "Bearer " + nebulaToken)
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, out.statusCode());
        given().filter(Contract.FILTER).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("provider", "huggingface", "model_id", "Qwen/Qwen2.5-7B-Instruct"))
                .when().post("/api/v2/catalog/import/preflight")
                .then().statusCode(401).body("error.code", equalTo("nebula_session_expired"));
    }

    @Test
    void meWithoutTokenIs401Json() {
        given().filter(Contract.FILTER).when().get("/api/v2/catalog/auth/me")
                .then().statusCode(401).body("error.code", equalTo("unauthorized"));
    }
}
