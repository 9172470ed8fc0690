package dev.nebula.catalog.web;

import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Input that lenient parsers would guess at is refused with a 400 that says what is wrong, and changes nothing. */
@QuarkusTest
class StrictInputTest {

    static ValidatableResponse login(String body) {
        return given().filter(Contract.BAD_REQUEST).contentType(ContentType.JSON).body(body)
                .when().post("/api/v2/catalog/auth/login").then();
    }

    static ValidatableResponse preflight(String body) {
        return given().filter(Contract.BAD_REQUEST).auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v2/catalog/import/preflight").then();
    }

    @Test
    void aDuplicateKeyIsInvalidJsonNamingTheField() {
        login("{\"username\":\"viewer\",\"username\":\"admin\",\"password\":\"viewer123\"}").statusCode(400)
                .body("error.code", equalTo("invalid_json"))
                .body("error.message", containsString("username"))
                .body("error.request_id", notNullValue());
    }

    @Test
    void trailingContentIsInvalidJson() {
        login("{\"username\":\"viewer\",\"password\":\"viewer123\"} {\"x\":1}").statusCode(400)
                .body("error.code", equalTo("invalid_json"))
                .body("error.message", containsString("after"));
        login("{\"username\":\"viewer\",\"password\":\"viewer123\"}garbage").statusCode(400)
                .body("error.code", equalTo("invalid_json"));
    }

    @Test
    void numbersAreNotGuessedFromFractionsOrStrings() {
        for (String replicas : List.of("1.5", "\"2\"", "true")) {
            preflight("{\"provider\":\"huggingface\",\"model_id\":\"Qwen/Qwen2.5-7B-Instruct\",\"replicas\":" + replicas + "}")
                    .statusCode(400).body("error.code", equalTo("invalid_json"))
                    .body("error.details.field", equalTo("replicas"));
        }
        preflight("{\"provider\":\"huggingface\",\"model_id\":\"Qwen/Qwen2.5-7B-Instruct\",\"auto_start\":\"yes\"}")
                .statusCode(400).body("error.details.field", equalTo("auto_start"));
        login("{\"username\":5,\"password\":\"viewer123\"}").statusCode(400).body("error.details.field", equalTo("username"));
    }

    // Found by fuzz/run.sh: a null entry of a list reached the service (500) once bodies were generated from the contract.
    @Test
    void aNullListEntryIsInvalidJsonNamingTheEntry() {
        given().filter(Contract.BAD_REQUEST).auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON)
                .body("{\"model_uids\":[\"bge-m3\",null]}")
                .when().post("/api/v2/catalog/model-deletions/impact").then().statusCode(400)
                .body("error.code", equalTo("invalid_json"))
                .body("error.details.field", equalTo("model_uids[1]"));
        given().filter(Contract.BAD_REQUEST).auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body("{\"items\":[null]}").when().post("/api/v2/catalog/import/batch").then().statusCode(400)
                .body("error.details.field", equalTo("items[0]"));
    }

    @Test
    void semicolonsDoNotSeparateQueryParameters() {
        given().filter(Contract.BAD_REQUEST).auth().oauth2(Tokens.viewer())
                .urlEncodingEnabled(false)
                .when().get("/api/v2/catalog/models?sort=name;state=failed").then().statusCode(400)
                .body("error.code", equalTo("validation_failed"))
                .body("error.message", containsString("&"));
        // an encoded semicolon is just a character of a value
        given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer())
                .when().get("/api/v2/catalog/models?q=a;b").then().statusCode(200);
    }

    @Test
    void uidsNebulaCannotHoldAre400BeforeAnyAuditOrNebulaCall() {
        for (String uid : List.of("a%00b", "x".repeat(200), "has%20space", "%C3%A9t%C3%A9")) {
            String rid = "bad-uid-" + Math.abs(uid.hashCode());
            given().filter(Contract.BAD_REQUEST).auth().oauth2(Tokens.admin()).header("X-Request-Id", rid)
                    .urlEncodingEnabled(false)
                    .when().delete("/api/v2/catalog/models/" + uid).then().statusCode(400)
                    .body("error.code", equalTo("invalid_model_uid"));
            assertEquals(List.of(), dev.nebula.catalog.support.AuditRows.byRequestId(rid), "no audit row for " + uid);
            given().filter(Contract.BAD_REQUEST).auth().oauth2(Tokens.viewer()).urlEncodingEnabled(false)
                    .when().get("/api/v2/catalog/models/" + uid).then().statusCode(400)
                    .body("error.code", equalTo("invalid_model_uid"));
        }
    }
}
