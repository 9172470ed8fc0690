package dev.nebula.catalog.auth;

import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.ExternalIssuer;
import dev.nebula.catalog.support.NebulaSimulatorResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tokens of a configured external issuer are accepted, their groups mapped to roles, Nebula called as the service account. */
@QuarkusTest
class ExternalIssuerTest {

    @Test
    void mapsTheGroupClaimToACatalogRole() {
        given().filter(Contract.FILTER).auth().oauth2(ExternalIssuer.token("erin", List.of("gpu-operators", "staff")))
                .when().get("/api/v2/catalog/auth/me")
                .then().statusCode(200).body("user.username", equalTo("erin")).body("user.role", equalTo("operator"))
                .body("issuer", equalTo(ExternalIssuer.ISSUER));
    }

    @Test
    void callsNebulaWithTheServiceAccount() {
        int before = NebulaSimulatorResource.control().requestCounts().getOrDefault("POST /api/auth/login", 0);
        given().filter(Contract.FILTER).auth().oauth2(ExternalIssuer.token("erin", List.of("gpu-operators")))
                .contentType(ContentType.JSON).body(Map.of("provider", "huggingface", "model_id", "Qwen/Qwen2.5-7B-Instruct"))
                .when().post("/api/v2/catalog/import/preflight")
                .then().statusCode(200).body("exists_on_hub", equalTo(true));
        assertTrue(NebulaSimulatorResource.control().requests("/api/v2/models").stream()
                .anyMatch(r -> r.toString().contains("GET")), "Nebula was asked for its models");
        assertTrue(NebulaSimulatorResource.control().requestCounts().getOrDefault("POST /api/auth/login", 0) <= before + 1,
                "the service account logs in at most once and reuses its session");
    }

    @Test
    void unmappedGroupsGrantNothing() {
        given().filter(Contract.FILTER).auth().oauth2(ExternalIssuer.token("eve", List.of("staff")))
                .when().get("/api/v2/catalog/search?provider=huggingface&q=qwen")
                .then().statusCode(403);
    }

    @Test
    void aTokenClaimingTheIssuerButSignedWithAnotherKeyIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.issuer(ExternalIssuer.ISSUER).subject("mallory").claim("groups", List.of("gpu-admins"))
                .sign(generator.generateKeyPair().getPrivate());
        given().filter(Contract.FILTER).auth().oauth2(forged)
                .when().get("/api/v2/catalog/auth/me")
                .then().statusCode(401).body("error.code", equalTo("unauthorized"));
    }
}
