package dev.nebula.catalog.faults;

import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.NebulaSimulatorResource;
import dev.nebula.catalog.support.Tokens;
import dev.nebula.sim.chaos.OutageMode;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nebula failing in each way the simulator can fail: the service answers with clear JSON errors (capabilities with
 * reachable=false), never hangs past its own budgets and never shows a stack trace. Wall-clock bounds are generous
 * sanity checks only; the outcomes are what is asserted.
 */
@QuarkusTest
class NebulaOutageTest {

    /** Read timeout (5 s) plus one retry plus a busy CI box. */
    private static final long SANITY_BOUND_MS = 20_000;

    /** Signs in while Nebula is still well: the capabilities checks need a session, and signing in needs Nebula. */
    @org.junit.jupiter.api.BeforeEach
    void signedInBeforeTheOutage() {
        dev.nebula.catalog.support.Tokens.viewer();
    }

    @AfterEach
    void nebulaBack() {
        NebulaSimulatorResource.control().chaosOff();
        // The outage may have opened the breaker: close it rather than outwait it, then make sure later tests see a
        // healthy Nebula (a slow call of the outage may still be finishing).
        CircuitBreakerMaintenance.get().resetAll();
        await("Nebula back after chaos was switched off").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> given().contentType(ContentType.JSON).body(Map.of("username", "viewer", "password", "viewer123"))
                        .when().post("/api/v2/catalog/auth/login").statusCode() == 200);
    }

    @Test
    void connectionResetGivesClearErrorsForSignInAndUnreachableCapabilities() {
        NebulaSimulatorResource.control().setOutage(OutageMode.RESET);
        assertSignInFailsCleanly();
        assertCapabilitiesSayUnreachable();
    }

    @Test
    void nebula503GivesClearErrorsForSignInAndUnreachableCapabilities() {
        NebulaSimulatorResource.control().setOutage(OutageMode.UNAVAILABLE);
        assertSignInFailsCleanly();
        assertCapabilitiesSayUnreachable();
    }

    @Test
    void nebulaAnswering5xxGivesAClearErrorNotAStackTrace() {
        NebulaSimulatorResource.control().setErrorRate(1.0);
        assertSignInFailsCleanly();
        assertCapabilitiesSayUnreachable();
    }

    @Test
    void nebulaAnsweringMalformedJsonGivesAClear502NotAStackTrace() {
        NebulaSimulatorResource.control().setOutage(OutageMode.MALFORMED);
        Response response = assertSignInFailsCleanly();
        response.then().statusCode(502).body("error.message", containsString("unreadable"));
    }

    @Test
    void slowNebulaIsCutOffByTheReadTimeoutWithA5xxJsonError() {
        NebulaSimulatorResource.control().setLatency(12_000, 0);
        assertSignInFailsCleanly();
        assertCapabilitiesSayUnreachable();
    }

    @Test
    void signedInUserStillReadsTheirIdentityWhileNebulaIsDown() {
        String token = Tokens.viewer();
        NebulaSimulatorResource.control().setOutage(OutageMode.RESET);
        // /me answers from our own token and session table; it must not depend on Nebula being up.
        given().filter(Contract.FILTER).auth().oauth2(token).when().get("/api/v2/catalog/auth/me")
                .then().statusCode(200).body("user.username", equalTo("viewer"));
    }

    private static Response assertSignInFailsCleanly() {
        long start = System.nanoTime();
        Response response = given().filter(Contract.FILTER).contentType(ContentType.JSON)
                .body(Map.of("username", "operator", "password", "operator123"))
                .when().post("/api/v2/catalog/auth/login");
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        response.then().statusCode(anyOf(equalTo(502), equalTo(503), equalTo(504)))
                .contentType(startsWith("application/json"))
                .body("error.code", notNullValue())
                .body("error.message", not(containsString("\tat ")))
                .body("error.message", not(containsString("dev.nebula.")));
        assertTrue(tookMs < SANITY_BOUND_MS, "sign-in took " + tookMs + " ms while Nebula was failing");
        return response;
    }

    private static void assertCapabilitiesSayUnreachable() {
        long start = System.nanoTime();
        given().filter(Contract.FILTER).auth().oauth2(dev.nebula.catalog.support.Tokens.viewer())
                .when().get("/api/v2/catalog/capabilities")
                .then().statusCode(200)
                .body("nebula.reachable", equalTo(false))
                .body("nebula.error", notNullValue())
                .body("database.reachable", equalTo(true));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMs < SANITY_BOUND_MS, "capabilities took " + tookMs + " ms while Nebula was failing");
    }
}
