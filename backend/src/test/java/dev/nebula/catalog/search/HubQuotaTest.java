package dev.nebula.catalog.search;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.nebula.catalog.support.Database;
import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.HubStubs;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.nebula.catalog.support.HubStubs.fixture;
import static dev.nebula.catalog.support.HubStubs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One user flooding the hubs meets 429 before any hub call, while other users still get answers; an address has
 * its own budget. Small budgets need their own application start (a profile), so sign-ins here are fresh.
 */
@QuarkusTest
@TestProfile(HubQuotaTest.SmallBudgets.class)
class HubQuotaTest {

    /** One request at once per user, refilled every 15 s; two per address, refilled every 7.5 s. */
    public static class SmallBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("catalog.search.per-user-per-minute", "4", "catalog.search.per-address-per-minute", "8");
        }
    }

    /** The budgets shared by replicas live in the database and would carry over from earlier tests. */
    @BeforeEach
    void fullSharedBudgets() throws SQLException {
        Database.execute("DELETE FROM hub_budget");
    }

    static ValidatableResponse search(String token, String q) {
        return given().filter(Contract.FILTER).header("Authorization", "Bearer " + token)
                .when().get("/api/v2/catalog/search?provider=huggingface&q=" + q).then();
    }

    @Test
    void aFloodFromOneUserStopsAtItsOwnBudgetAndNeverReachesTheHub() {
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/models")).withQueryParam("search", WireMock.matching("flood-.*"))
                .willReturn(json(200, fixture("hf-search-qwen.json"))));
        String flooder = Tokens.login("viewer", "viewer123");
        String other = Tokens.login("operator", "operator123");
        String third = Tokens.login("admin", "admin123");

        search(flooder, "flood-1").statusCode(200);
        for (int i = 2; i <= 20; i++) {
            String retryAfter = search(flooder, "flood-" + i).statusCode(429)
                    .body("error.code", equalTo("too_many_requests"))
                    .body("error.message", containsString("You have sent many searches"))
                    .extract().header("Retry-After");
            assertTrue(Integer.parseInt(retryAfter) >= 1 && Integer.parseInt(retryAfter) <= 15, retryAfter);
        }
        assertEquals(1, HubStubs.server().findAll(getRequestedFor(urlPathEqualTo("/api/models"))
                .withQueryParam("search", WireMock.matching("flood-.*"))).size(), "refused requests cost no hub call");

        // another user is not crowded out
        search(other, "flood-other").statusCode(200);
        // but the address (both came from 127.0.0.1) has spent its own budget too
        search(third, "flood-third").statusCode(429)
                .body("error.message", containsString("your network address"));
    }
}
