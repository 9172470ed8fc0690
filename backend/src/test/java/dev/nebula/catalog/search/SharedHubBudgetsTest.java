package dev.nebula.catalog.search;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.nebula.catalog.support.Database;
import dev.nebula.catalog.support.HubStubs;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.nebula.catalog.support.HubStubs.fixture;
import static dev.nebula.catalog.support.HubStubs.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A user's hub budget holds across replicas: what they spent through another replica counts here too. The other
 * replica is this test taking from the shared buckets exactly as that replica's searches would. Answers from this
 * replica's cache cost the hub nothing and need no shared budget.
 */
@QuarkusTest
@TestProfile(SharedHubBudgetsTest.Budgets.class)
class SharedHubBudgetsTest {

    /** Two requests at once per user, refilled one per 7.5 s; the address budget is out of the way. */
    public static class Budgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("catalog.search.per-user-per-minute", "8", "catalog.search.per-address-per-minute", "1000000");
        }
    }

    @Inject
    SharedHubBudgets shared;

    @BeforeEach
    @AfterEach
    void fullBudgets() throws SQLException {
        Database.execute("DELETE FROM hub_budget");
    }

    @Test
    void whatAUserSpentThroughAnotherReplicaCountsHere() {
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/models")).withQueryParam("search", WireMock.matching("shared-.*"))
                .willReturn(json(200, fixture("hf-search-qwen.json"))));
        String viewer = Tokens.login("viewer", "viewer123");
        String operator = Tokens.login("operator", "operator123");

        // the viewer's searches through the other replica used up their budget there
        int spent = 0;
        while (shared.take("user:viewer", 8) == 0) {
            spent++;
        }
        assertTrue(spent >= 1, "the other replica had budget to spend");

        // here this replica's own budget for the viewer is untouched, yet a search that needs the hub is refused
        String retryAfter = HubQuotaTest.search(viewer, "shared-new").statusCode(429)
                .body("error.code", equalTo("too_many_requests"))
                .body("error.message", containsString("You have sent many searches"))
                .extract().header("Retry-After");
        assertTrue(Integer.parseInt(retryAfter) >= 1 && Integer.parseInt(retryAfter) <= 8, retryAfter);
        assertEquals(0, HubStubs.server().findAll(getRequestedFor(urlPathEqualTo("/api/models"))
                .withQueryParam("search", WireMock.equalTo("shared-new"))).size(), "the refused search never reached the hub");

        // an answer this replica already holds costs the hub nothing: the viewer still gets it
        HubQuotaTest.search(operator, "shared-cached").statusCode(200);
        HubQuotaTest.search(viewer, "shared-cached").statusCode(200).body("items.size()", org.hamcrest.Matchers.greaterThan(0));
        assertEquals(1, HubStubs.server().findAll(getRequestedFor(urlPathEqualTo("/api/models"))
                .withQueryParam("search", WireMock.equalTo("shared-cached"))).size());
    }
}
