package dev.nebula.catalog.meta;

import dev.nebula.catalog.support.NebulaSimulatorResource;
import dev.nebula.catalog.support.Tokens;
import dev.nebula.sim.chaos.OutageMode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Monitoring asks {@code /q/health/group/nebula} whether Nebula's data can be read. Readiness stays the database
 * only: block A answers from its last snapshot while Nebula is down.
 */
@QuarkusTest
class NebulaHealthGroupTest {

    @Test
    void upWhenADataCallAnswers() {
        Tokens.viewer(); // at least one live session to probe with
        given().when().get("/q/health/group/nebula")
                .then().statusCode(200).body("status", equalTo("UP"))
                .body("checks[0].name", equalTo("nebula"))
                .body("checks[0].data.data_path_checked", equalTo(true));
    }

    @Test
    void downWithinTheProbeBoundWhenDataCallsHangAlthoughHealthzAnswersAndReadinessStaysUp() {
        Tokens.viewer();
        NebulaSimulatorResource.control().setOutage(OutageMode.HANG);
        try {
            given().when().get("/q/health/group/nebula")
                    .then().statusCode(503).body("status", equalTo("DOWN"))
                    .body("checks[0].data.error", containsString("data call"));
            given().when().get("/q/health/ready").then().statusCode(200);
        } finally {
            NebulaSimulatorResource.control().setOutage(OutageMode.NONE);
        }
    }
}
