package dev.nebula.catalog.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.HubStubs;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.nebula.catalog.support.HubStubs.fixture;
import static dev.nebula.catalog.support.HubStubs.json;
import static dev.nebula.catalog.support.HubStubs.recorded;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class HuggingFaceSearchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ValidatableResponse search(String query) {
        return given().filter(Contract.FILTER).header("Authorization", "Bearer " + Tokens.viewer())
                .when().get("/api/v2/catalog/search?provider=huggingface&" + query).then();
    }

    static void stubSearch(String q, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/models")).withQueryParam("search", WireMock.equalTo(q))
                .willReturn(response));
    }

    static int hubCalls(String q) {
        return HubStubs.server().findAll(getRequestedFor(urlPathEqualTo("/api/models"))
                .withQueryParam("search", WireMock.equalTo(q))).size();
    }

    @Test
    void normalisesEveryFieldOfTheRecordedSearchAnswer() {
        stubSearch("qwen", recorded(200, fixture("hf-search-qwen.json"), "hf-search-qwen.headers.txt"));

        search("q=qwen&limit=5").statusCode(200)
                .body("provider", equalTo("huggingface"))
                .body("page", equalTo(1))
                .body("limit", equalTo(5))
                .body("total", nullValue())
                .body("has_more", equalTo(true))
                .body("next_cursor", notNullValue())
                .body("items", hasSize(5))
                .body("items[1].id", equalTo("Qwen/Qwen2.5-7B-Instruct"))
                .body("items[1].name", equalTo("Qwen2.5-7B-Instruct"))
                .body("items[1].author", equalTo("Qwen"))
                .body("items[1].task", equalTo("text-generation"))
                .body("items[1].library", equalTo("transformers"))
                .body("items[1].tags", hasSize(16))
                .body("items[1].size_bytes", equalTo(15242807270L))
                .body("items[1].size_source", equalTo("used_storage"))
                .body("items[1].parameters", equalTo(7615616512L))
                .body("items[1].downloads", equalTo(14881790))
                .body("items[1].likes", equalTo(1180))
                .body("items[1].updated_at", equalTo("2025-01-12T02:10:10Z"))
                .body("items[1].created_at", equalTo("2024-09-16T11:55:40Z"))
                .body("items[1].gated", equalTo(false))
                .body("items[1].gated_mode", nullValue())
                .body("items[1].private", equalTo(false))
                .body("items[1].license", equalTo("apache-2.0"))
                .body("items[1].hub_url", equalTo(HubStubs.server().baseUrl() + "/Qwen/Qwen2.5-7B-Instruct"))
                // whether it is held depends on block A's data (InClusterMarkerTest); here only its presence
                .body("items[1].in_cluster.held", org.hamcrest.Matchers.notNullValue())
                .body("items[2].task", equalTo("image-text-to-text"));

        // the exact request the reference recommends: expand[] fields, no token, a real User-Agent
        HubStubs.server().verify(getRequestedFor(urlPathEqualTo("/api/models"))
                .withQueryParam("search", WireMock.equalTo("qwen"))
                .withQueryParam("sort", WireMock.equalTo("downloads"))
                .withQueryParam("limit", WireMock.equalTo("5"))
                .withQueryParam("expand[]", WireMock.equalTo("usedStorage"))
                .withHeader("User-Agent", containing("nebula-model-catalog"))
                .withHeader("X-Request-Id", containing(""))
                .withoutHeader("Authorization")
                .withoutHeader("Cookie"));
    }

    @Test
    void readsGatedModesPlaceholderDatesAndMissingFieldsSafely() throws Exception {
        String body = """
                [{"_id":"x","id":"meta-llama/Llama-3.1-8B","gated":"manual","createdAt":"2022-03-02T23:29:04.000Z",
                  "tags":["gguf","license:llama3.1"],"downloads":9223372036854775807,
                  "safetensors":{"parameters":{"BF16":1000,"F32":10},"total":1010}},
                 {"_id":"y","id":"someone/fresh","gated":"auto","tags":[]},
                 {"_id":"z","id":"someone/plain","gated":false,"safetensors":null}]""";
        stubSearch("gatedmix", json(200, body));

        search("q=gatedmix").statusCode(200)
                .body("has_more", equalTo(false))
                .body("next_cursor", nullValue())
                .body("items.gated", contains(true, true, false))
                .body("items.gated_mode", contains("manual", "auto", null))
                .body("items[0].created_at", nullValue())
                .body("items[0].downloads", equalTo(9223372036854775807L))
                .body("items[0].library", equalTo("gguf"))
                .body("items[0].license", equalTo("llama3.1"))
                .body("items[0].size_bytes", equalTo(2040))
                .body("items[0].size_source", equalTo("estimate"))
                .body("items[1].task", nullValue())
                .body("items[1].downloads", nullValue())
                .body("items[1].updated_at", nullValue())
                .body("items[2].size_bytes", nullValue())
                .body("items[2].size_source", nullValue())
                .body("items[2].parameters", nullValue());
    }

    @Test
    void answersAnEmptyPageWhenNothingMatches() {
        stubSearch("zzz-nothing", json(200, fixture("hf-search-empty.json")));

        search("q=zzz-nothing").statusCode(200).body("items", hasSize(0)).body("has_more", equalTo(false));
    }

    @Test
    void walksTheCursorChainToPageThreeThroughTheConfiguredEndpoint() throws Exception {
        JsonNode items = JSON.readTree(fixture("hf-search-qwen.json"));
        // the links name huggingface.co, as a mirror's would: they must be followed to the configured endpoint
        String link = "<https://huggingface.co/api/models?search=pager&sort=downloads&limit=1"
                + "&expand%5B%5D=downloads&cursor=CURSOR>; rel=\"next\"";
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/models")).withQueryParam("search", WireMock.equalTo("pager"))
                .withQueryParam("cursor", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(json(200, "[" + items.get(0) + "]").withHeader("Link", link.replace("CURSOR", "CUR2"))));
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/models")).withQueryParam("cursor", WireMock.equalTo("CUR2"))
                .willReturn(json(200, "[" + items.get(1) + "]").withHeader("Link", link.replace("CURSOR", "CUR3"))));
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/models")).withQueryParam("cursor", WireMock.equalTo("CUR3"))
                .willReturn(json(200, "[" + items.get(2) + "]")));

        search("q=pager&limit=1&page=3").statusCode(200)
                .body("page", equalTo(3))
                .body("items[0].id", equalTo("Qwen/Qwen2.5-VL-7B-Instruct"))
                .body("has_more", equalTo(false))
                .body("next_cursor", nullValue());
        assertEquals(3, hubCalls("pager"), "pages 1, 2 and 3 fetched once each");

        String cursor = search("q=pager&limit=1").statusCode(200).extract().path("next_cursor");
        search("q=pager&limit=1&cursor=" + cursor).statusCode(200)
                .body("page", equalTo(2))
                .body("items[0].id", equalTo("Qwen/Qwen2.5-7B-Instruct"))
                .body("next_cursor", notNullValue());
        // the walk learnt the cursors but cached only the page asked for: page 1 and 2 cost one call each, no walk
        assertEquals(5, hubCalls("pager"));

        search("q=pager&limit=2&cursor=" + cursor).statusCode(400).body("error.details.field", equalTo("cursor"));
    }

    @Test
    void rateLimitBecomes503WithRetryAfterFromTheRateLimitHeader() {
        stubSearch("ratelimited", recorded(429, fixture("hf-error-429.json"), "hf-error-429.headers.txt"));

        search("q=ratelimited").statusCode(503)
                .header("Retry-After", "10")
                .body("error.code", equalTo("hub_rate_limited"))
                .body("error.message", startsWith("Hugging Face is rate-limiting"));
    }

    @Test
    void rateLimitObjectSentWithStatus200IsStillARateLimit() {
        stubSearch("ratelimit200", json(200, fixture("hf-error-429.json")).withHeader("Retry-After", "42"));

        search("q=ratelimit200").statusCode(503).header("Retry-After", "42")
                .body("error.code", equalTo("hub_rate_limited"));
    }

    @Test
    void serverErrorIsRetriedOnceThenReportedAs502() {
        stubSearch("boom", json(500, "{\"error\":\"Internal Error\"}"));

        search("q=boom").statusCode(502).body("error.code", equalTo("hub_unavailable"))
                .body("error.details.provider", equalTo("huggingface"));
        assertEquals(2, hubCalls("boom"));
    }

    @Test
    void slowHubBecomes504WithinTheConfiguredBudget() {
        stubSearch("slow", json(200, "[]").withFixedDelay(10_000));

        search("q=slow").statusCode(504).body("error.code", equalTo("hub_timeout"))
                .body("error.message", containsString("did not answer within"));
        assertEquals(1, hubCalls("slow"), "a timeout is not retried");
    }

    @Test
    void malformedJsonAndHtmlPagesBecome502BadResponse() {
        stubSearch("malformed", json(200, "[{\"id\": \"a/b\", "));
        stubSearch("html", aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<!DOCTYPE html><html><body>Please wait</body></html>"));
        stubSearch("notalist", json(200, "{\"models\": []}"));

        search("q=malformed").statusCode(502).body("error.code", equalTo("hub_bad_response"));
        search("q=html").statusCode(502).body("error.code", equalTo("hub_bad_response"));
        search("q=notalist").statusCode(502).body("error.code", equalTo("hub_bad_response"));
    }

    @Test
    void unauthorizedSearchWithoutTokenIsReportedAsRefusal() {
        stubSearch("refused", recorded(401, fixture("hf-error-401-invalid-token.json"), null));

        search("q=refused").statusCode(502).body("error.code", equalTo("hub_rejected"))
                .body("error.message", org.hamcrest.Matchers.containsString("Invalid credentials"));
    }
}
