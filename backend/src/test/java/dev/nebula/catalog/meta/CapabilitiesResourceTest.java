package dev.nebula.catalog.meta;

import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.NebulaSimulatorResource;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class CapabilitiesResourceTest {

    /**
     * Another test's outage may have left block A's last refresh failed, which the status repeats for a while; a list
     * now makes block A current, as the page's own list call does.
     */
    @jakarta.inject.Inject
    dev.nebula.catalog.inventory.InventoryService inventory;

    @org.junit.jupiter.api.BeforeEach
    void blockAIsCurrent() {
        inventory.invalidate("any"); // so the list below waits for a refresh of its own
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v2/catalog/models").then().statusCode(200);
    }

    @Test
    void signedInUsersSeeVersionDatabaseNebulaAndHubs() {
        given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer())
                .when().get("/api/v2/catalog/capabilities")
                .then().statusCode(200)
                .body("service", equalTo("nebula-model-catalog"))
                .body("version", equalTo("0.1.0-SNAPSHOT"))
                .body("database.reachable", equalTo(true))
                .body("nebula.reachable", equalTo(true))
                .body("nebula.url_host", notNullValue())
                .body("hubs.provider", hasItems("huggingface", "modelscope"))
                .body("hubs.find { it.provider == 'huggingface' }.base_url_host", notNullValue())
                // the import dialog offers exactly what the service accepts
                .body("imports.engine_types", org.hamcrest.Matchers.contains("vllm", "sglang"))
                .body("imports.max_replicas", equalTo(8));
    }

    /** Anonymous callers fanned out one Nebula call and one database query each, and learnt internal hosts. */
    @Test
    void anonymousCallersLearnOnlyWhatTheSignInPageNeedsAndCostNoProbe() {
        int before = NebulaSimulatorResource.control().requestCounts().getOrDefault("GET /api/healthz", 0);
        for (int i = 0; i < 20; i++) {
            Map<String, Object> body = given().filter(Contract.FILTER).when().get("/api/v2/catalog/capabilities")
                    .then().statusCode(200)
                    .body("nebula.simulated", equalTo(true))
                    .body("nebula.configured", equalTo(true))
                    .extract().jsonPath().getMap("$");
            assertEquals(java.util.Set.of("service", "version", "nebula"), body.keySet());
            assertEquals(java.util.Set.of("configured", "simulated", "ui_url"), ((Map<?, ?>) body.get("nebula")).keySet());
        }
        // an expired or foreign token is simply "not signed in" here
        given().filter(Contract.FILTER).auth().oauth2("not-a-token").when().get("/api/v2/catalog/capabilities")
                .then().statusCode(200).body("nebula.simulated", equalTo(true));
        assertEquals(before, NebulaSimulatorResource.control().requestCounts().getOrDefault("GET /api/healthz", 0));
    }

    /** Nebula answers /api/healthz while etcd hangs and every data call stalls: that is not "reachable". */
    @Test
    void nebulaIsUnreachableWhenItsDataCallsHangEvenThoughItsHealthAnswers() {
        String token = Tokens.viewer();
        NebulaSimulatorResource.control().setOutage(dev.nebula.sim.chaos.OutageMode.HANG);
        try {
            given().filter(Contract.FILTER).auth().oauth2(token).when().get("/api/v2/catalog/capabilities")
                    .then().statusCode(200)
                    .body("nebula.reachable", equalTo(false))
                    .body("nebula.error", org.hamcrest.Matchers.containsString("data call"));
        } finally {
            NebulaSimulatorResource.control().setOutage(dev.nebula.sim.chaos.OutageMode.NONE);
        }
        given().filter(Contract.FILTER).auth().oauth2(token).when().get("/api/v2/catalog/capabilities")
                .then().statusCode(200).body("nebula.reachable", equalTo(true));
    }

    /**
     * The status panel said "Reachable" while block A showed its stale banner: the probe answered between block A's
     * failing refreshes. Now the two agree until block A's next refresh succeeds.
     */
    @Test
    void nebulaReadsUnreachableWhileBlockAServesItsListStale() {
        String token = Tokens.viewer();
        given().auth().oauth2(token).when().get("/api/v2/catalog/models").then().statusCode(200).body("stale", equalTo(false));
        NebulaSimulatorResource.control().setOutage(dev.nebula.sim.chaos.OutageMode.RESET);
        try {
            given().auth().oauth2(token).when().get("/api/v2/catalog/models").then().statusCode(200).body("stale", equalTo(true));
        } finally {
            NebulaSimulatorResource.control().setOutage(dev.nebula.sim.chaos.OutageMode.NONE);
        }
        // Nebula answers the probe again, but the list on the page is still the stale one
        given().filter(Contract.FILTER).auth().oauth2(token).when().get("/api/v2/catalog/capabilities")
                .then().statusCode(200)
                .body("nebula.reachable", equalTo(false))
                .body("nebula.error", org.hamcrest.Matchers.containsString("model list"));
        given().auth().oauth2(token).when().get("/api/v2/catalog/models").then().statusCode(200).body("stale", equalTo(false));
        given().filter(Contract.FILTER).auth().oauth2(token).when().get("/api/v2/catalog/capabilities")
                .then().statusCode(200).body("nebula.reachable", equalTo(true));
    }

    /** Offline, both hubs read green "Enabled" until someone searched and waited for the timeout. */
    @Test
    void nebulasOwnUiIsLinkedOnlyWhenConfigured() {
        // the test profile sets no catalog.nebula.ui-url: the page shows no Models link and no Open in Nebula
        given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer()).when().get("/api/v2/catalog/capabilities")
                .then().statusCode(200).body("nebula.ui_url", org.hamcrest.Matchers.nullValue());
        given().filter(Contract.FILTER).when().get("/api/v2/catalog/capabilities")
                .then().statusCode(200).body("nebula.ui_url", org.hamcrest.Matchers.nullValue());
    }
}
