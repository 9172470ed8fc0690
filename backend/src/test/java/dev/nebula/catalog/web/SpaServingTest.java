package dev.nebula.catalog.web;

import dev.nebula.catalog.support.Contract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class SpaServingTest {

    @Test
    void servesThePageAtTheRoot() {
        given().when().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<div id=\"root\">"));
    }

    @Test
    void deepLinksFallBackToThePage() {
        given().when().get("/model-catalog").then().statusCode(200).body(containsString("<div id=\"root\">"));
        given().when().get("/audit/whatever/deep").then().statusCode(200).body(containsString("<div id=\"root\">"));
    }

    @Test
    void apiPathsNeverFallBackToThePage() {
        given().filter(Contract.FILTER).when().get("/api/v2/catalog/does-not-exist").then().statusCode(404)
                .contentType(startsWith("application/json"));
        given().filter(Contract.FILTER).when().get("/api").then().statusCode(404).contentType(startsWith("application/json"));
    }

    @Test
    void missingStaticFilesStay404() {
        given().when().get("/assets/missing-file.js").then().statusCode(404);
    }
}
