package dev.nebula.catalog.faults;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.nebula.catalog.nebula.NebulaClient;
import dev.nebula.catalog.nebula.NebulaException;
import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.HubStubs;
import dev.nebula.catalog.support.Tokens;
import dev.nebula.sim.chaos.OutageMode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.nebula.catalog.support.HubStubs.fixture;
import static dev.nebula.catalog.support.HubStubs.json;
import static dev.nebula.catalog.support.HubStubs.recorded;
import static dev.nebula.catalog.support.NebulaSimulatorResource.control;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The circuit breakers with their real thresholds (10 calls, half failing for a hub, 60 % for Nebula), read and reset
 * through {@link CircuitBreakerMaintenance} as rest-fights does: a failing upstream is paused for everyone, a hub
 * saying "no" (429, 404) never is, and one hub's breaker never pauses the other.
 */
@QuarkusTest
class BreakerTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    NebulaClient nebula;

    @AfterEach
    void closed() {
        control().chaosOff();
        breakers.resetAll();
    }

    static ValidatableResponse search(String provider, String q) {
        return given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer())
                .when().get("/api/v2/catalog/search?provider=" + provider + "&q=" + q).then();
    }

    static int hubCalls(String q) {
        return HubStubs.server().findAll(getRequestedFor(urlPathEqualTo("/api/models"))
                .withQueryParam("search", WireMock.equalTo(q))).size();
    }

    @Test
    void aFailingHubIsPausedAfterHalfOfTenCallsFailedAndOnlyThatHub() {
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/models")).withQueryParam("search", WireMock.equalTo("brk-500"))
                .willReturn(json(500, "{\"error\":\"Internal Error\"}")));
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/models")).withQueryParam("search", WireMock.equalTo("brk-after"))
                .willReturn(json(200, fixture("hf-search-qwen.json"))));
        HubStubs.server().stubFor(get(urlPathEqualTo("/openapi/v1/models")).withQueryParam("search", WireMock.equalTo("brk-after"))
                .willReturn(json(200, fixture("ms-openapi-search-qwen.json"))));

        // each failing search is two calls (one retry of a 5xx): five of them fill the window of ten
        for (int i = 1; i <= 5; i++) {
            search("huggingface", "brk-500").statusCode(502).body("error.code", equalTo("hub_unavailable"));
            if (i < 5) {
                assertEquals(CircuitBreakerState.CLOSED, breakers.currentState("huggingface"), "after " + i + " searches");
            }
        }
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState("huggingface"));
        assertEquals(10, hubCalls("brk-500"));

        search("huggingface", "brk-after").statusCode(503).body("error.code", equalTo("hub_unavailable"));
        assertEquals(0, hubCalls("brk-after"), "an open circuit answers without calling the hub");
        given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer()).when().get("/api/v2/catalog/capabilities")
                .then().statusCode(200)
                .body("hubs.find { it.provider == 'huggingface' }.circuit", equalTo("open"))
                .body("hubs.find { it.provider == 'huggingface' }.reachable", equalTo(false));
        search("modelscope", "brk-after").statusCode(200);
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState("modelscope"));

        breakers.reset("huggingface");
        search("huggingface", "brk-after").statusCode(200);
    }

    /** One user's searches the hub rate-limits, and models it does not have, are answers, not failures. */
    @Test
    void rateLimitsAndMissingModelsNeverCountAgainstTheHubsBreaker() {
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/models")).withQueryParam("search", WireMock.equalTo("brk-429"))
                .willReturn(recorded(429, fixture("hf-error-429.json"), "hf-error-429.headers.txt")));
        for (int i = 0; i < 20; i++) {
            search("huggingface", "brk-429&limit=" + (i + 1)).statusCode(503).body("error.code", equalTo("hub_rate_limited"));
        }
        for (int i = 0; i < 10; i++) {
            given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer())
                    .when().get("/api/v2/catalog/search/huggingface/brk-nobody/missing-" + i).then().statusCode(404);
        }
        assertEquals(20, hubCalls("brk-429"), "each a hub call: the hub was asked and said no");
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState("huggingface"));
    }

    @Test
    void nebulasModelListIsPausedAfterAnOutageFillsTheWindowAndResumesOnReset() {
        String token = control().tokenFor("viewer");
        nebula.blocking().models(token);
        control().setOutage(OutageMode.UNAVAILABLE);
        // a failing read is two calls (one retry): five of them fill the window of ten
        for (int i = 0; i < 5; i++) {
            assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(NebulaClient.MODELS_BREAKER), "after " + i + " reads");
            assertThrows(NebulaException.class, () -> nebula.blocking().models(token));
        }
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState(NebulaClient.MODELS_BREAKER));

        control().chaosOff();
        int before = control().requestCounts().getOrDefault("GET /api/v2/models", 0);
        NebulaException paused = assertThrows(NebulaException.class, () -> nebula.blocking().models(token));
        assertEquals("circuit_open", paused.code());
        assertEquals(before, control().requestCounts().getOrDefault("GET /api/v2/models", 0), "Nebula was not called");

        breakers.reset(NebulaClient.MODELS_BREAKER);
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(NebulaClient.MODELS_BREAKER));
        nebula.blocking().models(token);
    }
}
