package dev.nebula.catalog.search;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.HubStubs;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.nebula.catalog.support.HubStubs.fixture;
import static dev.nebula.catalog.support.HubStubs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class HubHealthAndMetricsTest {

    @jakarta.inject.Inject
    HubProbe probe;

    /** Offline, both hubs read green "Enabled" until someone searched and waited for the timeout. */
    @Test
    void aHubThatCannotBeReachedIsReportedBeforeAnyoneSearches() {
        var offline = HubStubs.server().stubFor(get(urlPathEqualTo("/api/models")).withQueryParam("search", WireMock.absent())
                .willReturn(WireMock.aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        var online = HubStubs.server().stubFor(get(urlPathEqualTo("/openapi/v1/models")).withQueryParam("search", WireMock.absent())
                .willReturn(json(200, fixture("ms-openapi-search-qwen.json"))));
        try {
            // the test profile turns the probe's timer off; this is one tick of it
            org.junit.jupiter.api.Assertions.assertEquals(2, probe.probeIdle(java.time.Duration.ZERO));
        } finally {
            HubStubs.server().removeStub(offline);
            HubStubs.server().removeStub(online);
        }
        given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer()).when().get("/api/v2/catalog/capabilities")
                .then().statusCode(200)
                .body("hubs.find { it.provider == 'huggingface' }.reachable", equalTo(false))
                .body("hubs.find { it.provider == 'huggingface' }.last_failure_reason", equalTo("hub_unavailable"))
                .body("hubs.find { it.provider == 'huggingface' }.endpoint_variable", equalTo("HF_ENDPOINT"))
                .body("hubs.find { it.provider == 'modelscope' }.reachable", equalTo(true))
                .body("hubs.find { it.provider == 'modelscope' }.endpoint_variable", equalTo("MODELSCOPE_ENDPOINT"));
        // a hub called within the interval is left alone: the probe costs nothing while people search
        org.junit.jupiter.api.Assertions.assertEquals(0, probe.probeIdle(java.time.Duration.ofMinutes(5)));
    }

    @Test
    void capabilitiesShowWhenEachHubLastAnsweredAndItsCircuit() {
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/models")).withQueryParam("search", WireMock.equalTo("healthy"))
                .willReturn(json(200, fixture("hf-search-qwen.json"))));
        given().filter(Contract.FILTER).header("Authorization", "Bearer " + Tokens.viewer())
                .when().get("/api/v2/catalog/search?provider=huggingface&q=healthy").then().statusCode(200);

        given().filter(Contract.FILTER).auth().oauth2(dev.nebula.catalog.support.Tokens.viewer())
                .when().get("/api/v2/catalog/capabilities")
                .then().statusCode(200)
                .body("hubs.find { it.provider == 'huggingface' }.last_success_at", notNullValue())
                .body("hubs.find { it.provider == 'huggingface' }.circuit", equalTo("closed"));
    }

    @Test
    void searchesCacheLookupsAndHubStatusesAreCounted() {
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/models")).withQueryParam("search", WireMock.equalTo("counted"))
                .willReturn(json(200, fixture("hf-search-qwen.json"))));
        for (int i = 0; i < 2; i++) {
            given().filter(Contract.FILTER).header("Authorization", "Bearer " + Tokens.viewer())
                    .when().get("/api/v2/catalog/search?provider=huggingface&q=counted").then().statusCode(200);
        }

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("catalog_search_requests_total{outcome=\"ok\",provider=\"huggingface\"}"))
                .body(containsString("catalog_search_latency_seconds_count{provider=\"huggingface\"}"))
                .body(containsString("catalog_search_cache_total{cache=\"search\",result=\"hit\"}"))
                .body(containsString("catalog_hub_responses_total{provider=\"huggingface\",status=\"200\"}"));
    }
}
