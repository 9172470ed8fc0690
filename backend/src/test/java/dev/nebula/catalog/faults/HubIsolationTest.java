package dev.nebula.catalog.faults;

import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.HubStubs;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.nebula.catalog.support.HubStubs.fixture;
import static dev.nebula.catalog.support.HubStubs.json;
import static dev.nebula.catalog.support.HubStubs.recorded;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One hub failing (rate limits, hanging) must not slow searches of the other hub: each runs on its own client,
 * breaker and budget. The hanging hub's requests are in flight while the other hub is asked.
 */
@QuarkusTest
class HubIsolationTest {

    @Test
    void huggingFaceHangingDoesNotSlowModelScope() throws Exception {
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/models")).withQueryParam("search", equalTo("iso-hang"))
                .willReturn(json(200, fixture("hf-search-qwen.json")).withFixedDelay(8_000)));
        HubStubs.server().stubFor(get(urlPathEqualTo("/openapi/v1/models")).withQueryParam("search", equalTo("iso-hang"))
                .willReturn(json(200, fixture("ms-openapi-search-qwen.json"))));
        String token = Tokens.viewer();

        CompletableFuture<Response> hanging = CompletableFuture.supplyAsync(() -> search(token, "huggingface", "iso-hang"));
        CompletableFuture<Response> hanging2 = CompletableFuture.supplyAsync(() -> search(token, "huggingface", "iso-hang&limit=7"));
        awaitAtTheHub("/api/models", "iso-hang", 2);
        long start = System.nanoTime();
        Response other = search(token, "modelscope", "iso-hang");
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, other.statusCode(), other.asString());
        assertTrue(other.jsonPath().getList("items").size() > 0);
        // Outcome: ModelScope answered while both Hugging Face searches were still waiting for their budget (3 s in
        // tests); the absolute bound is only a sanity check.
        assertTrue(!hanging.isDone() && !hanging2.isDone(), "ModelScope waited for the hanging Hugging Face searches");
        assertTrue(tookMs < 8_000, "ModelScope search took " + tookMs + " ms while Hugging Face hung");
        assertEquals(504, hanging.get(30, TimeUnit.SECONDS).statusCode());
        assertEquals(504, hanging2.get(30, TimeUnit.SECONDS).statusCode());
    }

    @Test
    void huggingFaceRateLimitingDoesNotAffectModelScope() {
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/models")).withQueryParam("search", equalTo("iso-429"))
                .willReturn(recorded(429, fixture("hf-error-429.json"), "hf-error-429.headers.txt")));
        HubStubs.server().stubFor(get(urlPathEqualTo("/openapi/v1/models")).withQueryParam("search", equalTo("iso-429"))
                .willReturn(json(200, fixture("ms-openapi-search-qwen.json"))));
        String token = Tokens.viewer();
        for (int i = 0; i < 5; i++) {
            Response limited = search(token, "huggingface", "iso-429&limit=" + (10 + i));
            assertEquals(503, limited.statusCode(), limited.asString());
            assertEquals("hub_rate_limited", limited.jsonPath().getString("error.code"));
        }
        Response other = search(token, "modelscope", "iso-429");
        assertEquals(200, other.statusCode(), other.asString());
    }

    @Test
    void modelScopeHangingDoesNotSlowHuggingFace() throws Exception {
        HubStubs.server().stubFor(get(urlPathEqualTo("/openapi/v1/models")).withQueryParam("search", equalTo("iso-ms-hang"))
                .willReturn(json(200, fixture("ms-openapi-search-qwen.json")).withFixedDelay(8_000)));
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/models")).withQueryParam("search", equalTo("iso-ms-hang"))
                .willReturn(json(200, fixture("hf-search-qwen.json"))));
        String token = Tokens.viewer();
        CompletableFuture<Response> hanging = CompletableFuture.supplyAsync(() -> search(token, "modelscope", "iso-ms-hang"));
        awaitAtTheHub("/openapi/v1/models", "iso-ms-hang", 1);
        long start = System.nanoTime();
        Response other = search(token, "huggingface", "iso-ms-hang");
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, other.statusCode(), other.asString());
        assertTrue(!hanging.isDone(), "Hugging Face waited for the hanging ModelScope search");
        assertTrue(tookMs < 8_000, "Hugging Face search took " + tookMs + " ms while ModelScope hung");
        int status = hanging.get(30, TimeUnit.SECONDS).statusCode();
        assertTrue(status == 504 || status == 502, "hanging ModelScope answered " + status);
    }

    /** Until the hanging searches have reached the hub (WireMock records a request before its delay starts). */
    private static void awaitAtTheHub(String path, String q, int requests) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> HubStubs.server()
                .findAll(getRequestedFor(urlPathEqualTo(path)).withQueryParam("search", equalTo(q))).size() >= requests);
    }

    private static Response search(String token, String provider, String q) {
        return given().filter(Contract.FILTER).auth().oauth2(token)
                .when().get("/api/v2/catalog/search?provider=" + provider + "&q=" + q);
    }
}
