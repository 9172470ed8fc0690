package dev.nebula.catalog.meta;

import dev.nebula.catalog.support.Contract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void servesTheContractFileVerbatimAtQOpenapi() throws Exception {
        String served = given().when().get("/q/openapi").then().statusCode(200).extract().asString();
        assertEquals(Files.readString(Contract.SPEC), served);
    }

    @Test
    void readinessIncludesTheDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem("database"));
    }

    @Test
    void metricsArePrometheusTextWithBoundedUriTags() {
        for (int i = 0; i < 5; i++) {
            given().filter(Contract.FILTER).when().get("/api/v2/catalog/unknown-" + i).then().statusCode(404);
        }
        given().filter(Contract.FILTER).when().get("/api/v2/catalog/capabilities").then().statusCode(200);
        String metrics = given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                .contentType(containsString("text/plain")).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(metrics.contains("http_server_requests_seconds_count"));
        org.junit.jupiter.api.Assertions.assertTrue(metrics.contains("uri=\"/api/v2/catalog/capabilities\""));
        org.hamcrest.MatcherAssert.assertThat(metrics, not(containsString("unknown-3")));
    }

    /** 80 junk URLs used up the 60 URI tags, and real endpoints then vanished from /q/metrics. */
    @Test
    void junkUrlsShareOneTagAndNeverCrowdOutRealEndpoints() {
        for (int i = 0; i < 20; i++) {
            given().when().get("/junk-page-" + i).then().statusCode(200);
            given().when().get("/assets/junk-" + i + ".js").then().statusCode(404);
            given().when().get("/api/v2/catalog/models/junk-" + i + "/extra/more").then().statusCode(404);
            given().when().get("/q/junk-" + i).then().statusCode(404);
        }
        given().auth().oauth2(dev.nebula.catalog.support.Tokens.viewer())
                .when().get("/api/v2/catalog/models/bge-m3/delete-impact").then().statusCode(200);
        given().auth().oauth2(dev.nebula.catalog.support.Tokens.viewer())
                .when().get("/api/v2/catalog/imports/00000000-0000-0000-0000-000000000000").then().statusCode(404);
        String metrics = given().accept("text/plain").when().get("/q/metrics").then().statusCode(200).extract().asString();
        org.hamcrest.MatcherAssert.assertThat(metrics, not(containsString("junk")));
        org.junit.jupiter.api.Assertions.assertTrue(metrics.contains("uri=\"/api/v2/catalog/models/{uid}/delete-impact\""));
        org.junit.jupiter.api.Assertions.assertTrue(metrics.contains("uri=\"/api/v2/catalog/imports/{id}\""));
    }
}
