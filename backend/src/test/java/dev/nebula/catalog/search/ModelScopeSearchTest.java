package dev.nebula.catalog.search;

import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.HubStubs;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.nebula.catalog.support.HubStubs.fixture;
import static dev.nebula.catalog.support.HubStubs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ModelScopeSearchTest {

    static ValidatableResponse search(String query) {
        return given().filter(Contract.FILTER).header("Authorization", "Bearer " + Tokens.viewer())
                .when().get("/api/v2/catalog/search?provider=modelscope&" + query).then();
    }

    static void stubOpenApi(String q, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        HubStubs.server().stubFor(get(urlPathEqualTo("/openapi/v1/models")).withQueryParam("search", WireMock.equalTo(q))
                .willReturn(response));
    }

    static void stubDolphin(String q, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        HubStubs.server().stubFor(put(urlPathEqualTo("/api/v1/dolphin/models"))
                .withRequestBody(matchingJsonPath("$.Name", WireMock.equalTo(q))).willReturn(response));
    }

    @Test
    void normalisesTheOpenApiAnswerWithTotalAndUnicodeNames() {
        stubOpenApi("qwen", json(200, fixture("ms-openapi-search-qwen.json")));

        search("q=qwen&limit=5").statusCode(200)
                .body("provider", equalTo("modelscope"))
                .body("total", equalTo(7921))
                .body("has_more", equalTo(true))
                .body("next_cursor", notNullValue())
                .body("items", hasSize(5))
                .body("items[0].id", equalTo("Qwen/Qwen2.5-7B-Instruct"))
                .body("items[0].name", equalTo("Qwen2.5-7B-Instruct"))
                .body("items[0].author", equalTo("Qwen"))
                .body("items[0].display_name", equalTo("通义千问2.5-7B-Instruct"))
                .body("items[0].description", equalTo("Qwen2.5是通义千问系列的最新大语言模型。"))
                .body("items[0].task", equalTo("text-generation"))
                .body("items[0].tags", contains("chat", "qwen2.5"))
                .body("items[0].size_bytes", equalTo(15242807270L))
                .body("items[0].size_source", equalTo("hub"))
                .body("items[0].downloads", equalTo(2841765))
                .body("items[0].likes", equalTo(702))
                .body("items[0].updated_at", equalTo("2025-01-12T02:13:07Z"))
                .body("items[0].created_at", equalTo("2024-09-16T07:41:59Z"))
                .body("items[0].gated", equalTo(false))
                .body("items[0].private", equalTo(false))
                .body("items[0].license", equalTo("apache-2.0"))
                .body("items[0].hub_url", equalTo(HubStubs.server().baseUrl() + "/models/Qwen/Qwen2.5-7B-Instruct"))
                .body("items[4].description", nullValue())
                .body("items[4].size_bytes", equalTo(122878330928L));

        HubStubs.server().verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                        urlPathEqualTo("/openapi/v1/models"))
                .withQueryParam("sort", WireMock.equalTo("downloads"))
                .withQueryParam("page_number", WireMock.equalTo("1"))
                .withQueryParam("page_size", WireMock.equalTo("5"))
                .withHeader("User-Agent", containing("nebula-model-catalog"))
                .withoutHeader("Authorization").withoutHeader("Cookie"));
    }

    @Test
    void fallsBackToDolphinWhenTheOpenApiAnswersGarbageAndNormalisesItToo() {
        stubOpenApi("qwen-fallback", aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html><body>ModelScope</body></html>"));
        stubDolphin("qwen-fallback", json(200, fixture("ms-search-qwen.json")));

        search("q=qwen-fallback&limit=5&sort=likes&task=text-generation").statusCode(200)
                .body("total", equalTo(7921))
                .body("items.id", contains("Qwen/Qwen2.5-7B-Instruct", "Qwen/Qwen3-8B", "Qwen/Qwen3-0.6B",
                        "Qwen/Qwen2.5-7B-Instruct-GGUF")) // the image-text-to-text item is filtered client-side
                .body("items[0].display_name", equalTo("通义千问2.5-7B-Instruct"))
                .body("items[0].task", equalTo("text-generation"))
                .body("items[0].library", equalTo("transformers"))
                .body("items[0].updated_at", equalTo("2025-01-12T02:13:07Z"))
                .body("items[0].created_at", equalTo("2024-09-16T07:41:59Z"))
                .body("items[0].likes", equalTo(702))
                .body("items[0].size_source", equalTo("hub"))
                .body("items[3].display_name", nullValue())
                .body("items[3].library", equalTo("gguf"));

        HubStubs.server().verify(putRequestedFor(urlPathEqualTo("/api/v1/dolphin/models"))
                .withRequestBody(equalToJson("""
                        {"Name":"qwen-fallback","PageNumber":1,"PageSize":5,"SortBy":"StarsCount","Target":"",
                         "Criterion":[{"category":"tasks","predicate":"contains","values":["text-generation"],"sub_values":[]}],
                         "SingleCriterion":[]}""")));
    }

    @Test
    void envelopeWithSuccessFalseIsNotMistakenForResults() {
        stubOpenApi("envelope-false", json(200, "{\"success\":false,\"message\":\"invalid sort\",\"data\":null}"));
        stubDolphin("envelope-false", json(200, fixture("ms-error.json")));

        search("q=envelope-false").statusCode(502).body("error.code", equalTo("hub_rejected"));
    }

    @Test
    void lastPageHasNoMoreAndEmptyResultsAreFine() {
        stubOpenApi("lastpage", json(200, """
                {"success":true,"message":"","data":{"models":[{"id":"a/b","tasks":[{"name":"text-generation"}],
                 "created_at":"2024-09-16 15:41:59","last_modified":1736647987}],"total_count":3,"page_number":3,"page_size":1}}"""));
        stubOpenApi("nothing-here", json(200, fixture("ms-openapi-search-empty.json")));

        search("q=lastpage&limit=1&page=3").statusCode(200)
                .body("has_more", equalTo(false)).body("next_cursor", nullValue()).body("total", equalTo(3))
                .body("items[0].task", equalTo("text-generation"))
                .body("items[0].created_at", equalTo("2024-09-16T07:41:59Z")) // naive China time
                .body("items[0].updated_at", equalTo("2025-01-12T02:13:07Z"));
        search("q=nothing-here").statusCode(200).body("items", hasSize(0)).body("total", equalTo(0));
    }

    @Test
    void trendingIsRefusedBecauseModelScopeHasNoSuchOrder() {
        search("q=qwen&sort=trending").statusCode(400).body("error.details.field", equalTo("sort"));
    }

    @Test
    void rateLimitWithRetryAfterBecomes503() {
        stubOpenApi("ms-limited", json(429, "{\"message\":\"too many\"}").withHeader("Retry-After", "7"));

        search("q=ms-limited").statusCode(503).header("Retry-After", "7")
                .body("error.code", equalTo("hub_rate_limited"));
    }
}
