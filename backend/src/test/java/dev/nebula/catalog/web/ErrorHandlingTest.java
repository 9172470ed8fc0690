package dev.nebula.catalog.web;

import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.Tokens;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ErrorHandlingTest {

    @Test
    void unknownApiPathIsJson404CarryingTheCallersRequestId() {
        given().filter(Contract.FILTER).header("X-Request-Id", "trace-42.a_b")
                .when().get("/api/v2/catalog/nope")
                .then().statusCode(404)
                .contentType(startsWith("application/json"))
                .header("X-Request-Id", "trace-42.a_b")
                .body("error.code", equalTo("not_found"))
                .body("error.request_id", equalTo("trace-42.a_b"))
                .body("error.message", not(emptyOrNullString()));
    }

    @Test
    void unknownPathOutsideCatalogUnderApiIsAlsoJson() {
        given().filter(Contract.FILTER).when().get("/api/nope")
                .then().statusCode(404).contentType(startsWith("application/json"))
                .body("error.code", equalTo("not_found"));
    }

    @Test
    void wrongMethodIsJson405() {
        given().filter(Contract.FILTER)
                .when().delete("/api/v2/catalog/capabilities")
                .then().statusCode(405).contentType(startsWith("application/json"))
                .body("error.code", equalTo("method_not_allowed"));
    }

    @Test
    void insaneRequestIdIsReplacedAndEchoed() {
        String id = given().filter(Contract.FILTER).header("X-Request-Id", "bad id with spaces <script>")
                .when().get("/api/v2/catalog/nope")
                .then().statusCode(404)
                .header("X-Request-Id", matchesPattern("[A-Za-z0-9._-]{1,64}"))
                .extract().header("X-Request-Id");
        given().filter(Contract.FILTER).header("X-Request-Id", "x".repeat(65)).when().get("/api/v2/catalog/nope")
                .then().header("X-Request-Id", not(equalTo("x".repeat(65))));
        org.junit.jupiter.api.Assertions.assertFalse(id.contains(" "));
    }

    @Test
    void requestIdIsGeneratedWhenAbsentAndMatchesTheErrorBody() {
        String header = given().filter(Contract.FILTER).when().get("/api/v2/catalog/nope").then().statusCode(404)
                .extract().header("X-Request-Id");
        given().filter(Contract.FILTER).when().get("/api/v2/catalog/nope").then()
                .body("error.request_id", not(equalTo(header)));
    }

    @Test
    void successfulResponsesEchoTheRequestIdToo() {
        given().filter(Contract.FILTER).header("X-Request-Id", "ok-1")
                .when().get("/api/v2/catalog/capabilities")
                .then().statusCode(200).header("X-Request-Id", "ok-1");
    }

    // Found by fuzz/run.sh: the framework answered 404 "No such endpoint" for an unconvertible integer parameter.
    @Test
    void parameterOfTheWrongTypeIsJson400NotANotFound() {
        given().filter(Contract.BAD_REQUEST).auth().oauth2(Tokens.admin())
                .when().get("/api/v2/catalog/audit?page=null")
                .then().statusCode(400).contentType(startsWith("application/json"))
                .body("error.code", equalTo("validation_failed"));
    }

    // Found by fuzz/run.sh: well-formed JSON of the wrong shape got an empty 400 without a content type.
    @Test
    void bodyFieldOfTheWrongTypeIsJson400NamingTheField() {
        given().filter(Contract.BAD_REQUEST).auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body("{\"provider\":\"huggingface\",\"model_id\":\"Qwen/Qwen2.5-7B-Instruct\",\"revision\":{}}")
                .when().post("/api/v2/catalog/import/preflight")
                .then().statusCode(400).contentType(startsWith("application/json"))
                .body("error.code", equalTo("invalid_json"))
                .body("error.details.field", equalTo("revision"));
        given().filter(Contract.BAD_REQUEST).contentType(ContentType.JSON)
                .body("{\"username\":\"viewer\",\"password\":[1]}")
                .when().post("/api/v2/catalog/auth/login")
                .then().statusCode(400).contentType(startsWith("application/json"))
                .body("error.details.field", equalTo("password"));
    }

    // Found by fuzz/run.sh: a search the contract allows (long multi-byte q and cursor) exceeded the default 4 KB
    // request line and got a bodiless 414 from the HTTP layer.
    @Test
    void longestAllowedMultibyteSearchReachesTheApi() {
        String wide = "\uD835\uDD22".repeat(200);
        given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer())
                .queryParam("provider", "huggingface").queryParam("q", wide).queryParam("cursor", wide)
                .when().get("/api/v2/catalog/search")
                .then().statusCode(400).contentType(startsWith("application/json"));
    }
}
