package dev.nebula.catalog.auth;

import dev.nebula.catalog.inventory.InventoryService;
import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.NebulaSimulatorResource;
import dev.nebula.catalog.support.SimModels;
import dev.nebula.catalog.support.Tokens;
import dev.nebula.sim.chaos.OutageMode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** What Nebula says about a sign-in reaches the user as what it means, not as a wrong password or a denial. */
@QuarkusTest
class NebulaAnswersTest {

    @Inject
    InventoryService inventory;

    @AfterEach
    void calm() {
        NebulaSimulatorResource.control().chaosOff();
        LoginThrottleTest.forgetAllFailures();
    }

    private static ValidatableResponse login(String user, String password) {
        return given().filter(Contract.FILTER).contentType(ContentType.JSON)
                .body(Map.of("username", user, "password", password))
                .when().post("/api/v2/catalog/auth/login").then();
    }

    @Test
    void anAccountWithARoleNebulaDoesNotKnowIsToldSoNotThatItIsDisabled() {
        String user = SimModels.unique("superuser");
        NebulaSimulatorResource.control().putUser(user, "pw", "superuser", true);
        login(user, "pw").statusCode(403).body("error.code", equalTo("nebula_role_unknown"))
                .body("error.message", containsString("admin, operator or viewer"));
    }

    @Test
    void aDisabledAccountIsCalledDisabled() {
        String user = SimModels.unique("retired");
        NebulaSimulatorResource.control().putUser(user, "pw", "viewer", false);
        login(user, "pw").statusCode(403).body("error.code", equalTo("account_disabled"));
    }

    @Test
    void aWrongPasswordIsStillAWrongPassword() {
        login("viewer", "not-the-password").statusCode(401).body("error.code", equalTo("invalid_credentials"));
    }

    @Test
    void whenNebulasUserDatabaseIsDownSignInSaysNebulaCannotCheckSignIns() {
        NebulaSimulatorResource.control().setOutage(OutageMode.AUTH_BACKEND);
        login("viewer", "viewer123").statusCode(503).body("error.code", equalTo("nebula_unavailable"))
                .body("error.details.nebula_code", equalTo("auth_backend_unavailable"))
                .body("error.message", containsString("cannot check sign-ins"));
    }

    @Test
    void whenNebulasUserDatabaseIsDownBlockAServesItsLastSnapshotAndWritesSay503() {
        String token = Tokens.viewer();
        String operator = Tokens.operator(); // signed in before the outage
        given().filter(Contract.FILTER).auth().oauth2(token).when().get("/api/v2/catalog/models").then().statusCode(200);
        NebulaSimulatorResource.control().setOutage(OutageMode.AUTH_BACKEND);
        inventory.invalidate("any");
        given().filter(Contract.FILTER).auth().oauth2(token).when().get("/api/v2/catalog/models")
                .then().statusCode(200).body("stale", equalTo(true));
        given().filter(Contract.FILTER).auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("provider", "huggingface", "model_id", "Qwen/Qwen2.5-7B-Instruct"))
                .when().post("/api/v2/catalog/import/preflight")
                .then().statusCode(200).body("blocking.code", org.hamcrest.Matchers.contains("nebula_unreachable"));
        given().filter(Contract.FILTER).auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("provider", "huggingface", "model_id", "Qwen/Qwen2.5-7B-Instruct"))
                .when().post("/api/v2/catalog/import")
                .then().statusCode(503).body("error.code", equalTo("nebula_unavailable"))
                .body("error.details.nebula_code", equalTo("auth_backend_unavailable"));
        given().filter(Contract.FILTER).auth().oauth2(token).when().get("/api/v2/catalog/models")
                .then().statusCode(200).body("stale", equalTo(true));
    }
}
