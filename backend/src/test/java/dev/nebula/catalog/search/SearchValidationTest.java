package dev.nebula.catalog.search;

import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class SearchValidationTest {

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource({
            "provider=civitai&q=x, provider",
            "q=x, provider",
            "provider=huggingface&limit=0, limit",
            "provider=huggingface&limit=51, limit",
            "provider=huggingface&limit=ten, limit",
            "provider=huggingface&page=0, page",
            "provider=huggingface&page=101, page",
            "provider=huggingface&sort=oldest, sort",
            "provider=huggingface&task=text%20generation, task",
            "provider=huggingface&cursor=bm90LWEtY3Vyc29y, cursor",
    })
    void rejectsBadSearchParametersNamingTheField(String query, String field) {
        given().header("Authorization", "Bearer " + Tokens.viewer())
                .when().get("/api/v2/catalog/search?" + query)
                .then().statusCode(400)
                .body("error.code", equalTo("validation_failed"))
                .body("error.details.field", equalTo(field));
    }

    @Test
    void rejectsQueriesLongerThan200Characters() {
        given().header("Authorization", "Bearer " + Tokens.viewer())
                .queryParam("provider", "huggingface").queryParam("q", "x".repeat(201))
                .when().get("/api/v2/catalog/search")
                .then().statusCode(400).body("error.details.field", equalTo("q"));
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource({
            "huggingface/own%20er/name, owner",
            "huggingface/owner/na%3Bme, name",
            "huggingface/owner/na%2Ame, name",
            "gitlab/owner/name, provider",
    })
    void rejectsBadModelIdsNamingTheField(String path, String field) {
        given().header("Authorization", "Bearer " + Tokens.viewer()).urlEncodingEnabled(false)
                .when().get("/api/v2/catalog/search/" + path)
                .then().statusCode(400).body("error.details.field", equalTo(field));
    }

    // deliberately invalid requests go without the contract filter: it would reject them before they are sent
    @Test
    void rejectsOverlongModelIdParts() {
        given().header("Authorization", "Bearer " + Tokens.viewer())
                .when().get("/api/v2/catalog/search/huggingface/" + "o".repeat(97) + "/name")
                .then().statusCode(400).body("error.details.field", equalTo("owner"));
    }

    @Test
    void anonymousCallersGet401Json() {
        given().filter(Contract.FILTER)
                .when().get("/api/v2/catalog/search?provider=huggingface&q=qwen")
                .then().statusCode(401).body("error.code", equalTo("unauthorized"));
        given().filter(Contract.FILTER)
                .when().get("/api/v2/catalog/search/huggingface/Qwen/Qwen3-8B")
                .then().statusCode(401).body("error.code", equalTo("unauthorized"));
    }
}
