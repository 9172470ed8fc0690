package dev.nebula.catalog.auth;

import dev.nebula.catalog.support.AuditRows;
import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.NebulaSimulatorResource;
import dev.nebula.catalog.support.SimModels;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Password guessing is throttled per account and per address, in the database: a sign-in to one account never
 * clears the failures of another, and one locked account does not lock its neighbours behind the same address.
 */
@QuarkusTest
class LoginThrottleTest {

    @Inject
    LoginThrottle throttle;

    @AfterEach
    void forget() {
        forgetAllFailures();
    }

    /** Every test starts with a clean slate: all of them sign in from 127.0.0.1. */
    static void forgetAllFailures() {
        QuarkusTransaction.requiringNew().run(() -> io.quarkus.arc.Arc.container().instance(EntityManager.class).get()
                .createNativeQuery("DELETE FROM login_failure").executeUpdate());
    }

    private static String newUser(String role) {
        String name = SimModels.unique("guess-" + role);
        NebulaSimulatorResource.control().putUser(name, "right-" + name, role, true);
        return name;
    }

    private static Response login(String user, String password, String requestId) {
        return given().filter(Contract.FILTER).contentType(ContentType.JSON).header("X-Request-Id", requestId)
                .body(Map.of("username", user, "password", password))
                .when().post("/api/v2/catalog/auth/login");
    }

    @Test
    void anAccountIsLockedAfterRepeatedFailuresAndOnlyTheFirstFewAreAudited() {
        String target = newUser("admin");
        String prefix = SimModels.unique("guess");
        for (int i = 0; i < LoginThrottle.MAX_PER_ACCOUNT; i++) {
            assertEquals(401, login(target, "guess" + i, prefix + "-" + i).statusCode());
        }
        int before = NebulaSimulatorResource.control().requestCounts().getOrDefault("POST /api/auth/login", 0);
        Response locked = login(target, "right-" + target, prefix + "-right");
        assertEquals(429, locked.statusCode());
        assertEquals("too_many_attempts", locked.path("error.code"));
        assertTrue(Integer.parseInt(locked.header("Retry-After")) > 0);
        assertEquals(before, NebulaSimulatorResource.control().requestCounts().getOrDefault("POST /api/auth/login", 0),
                "a throttled attempt must not reach Nebula");
        assertEquals(1, AuditRows.byRequestId(prefix + "-0").size());
        assertTrue(AuditRows.byRequestId(prefix + "-" + (LoginThrottle.MAX_PER_ACCOUNT - 1)).isEmpty());
    }

    @Test
    void aSuccessfulSignInToOneAccountDoesNotClearAnothersFailures() {
        String target = newUser("admin");
        String own = newUser("viewer");
        for (int i = 0; i < 54; i++) {
            // the attacker signs in to their own viewer account between guesses, as in the finding
            if (i % 5 == 4) {
                assertEquals(200, login(own, "right-" + own, "own-" + i).statusCode());
            }
            Response guess = login(target, "guess" + i, "bypass-" + i);
            if (i >= LoginThrottle.MAX_PER_ACCOUNT) {
                assertEquals(429, guess.statusCode(), "guess " + i + " at the admin account is refused");
            }
        }
        assertEquals(429, login(target, "right-" + target, "bypass-right").statusCode());
    }

    @Test
    void oneLockedAccountDoesNotLockItsNeighboursBehindTheSameAddress() {
        String target = newUser("admin");
        String neighbour = newUser("operator");
        for (int i = 0; i < LoginThrottle.MAX_PER_ACCOUNT + 2; i++) {
            login(target, "guess" + i, "nat-" + i);
        }
        assertEquals(429, login(target, "right-" + target, "nat-target").statusCode());
        assertEquals(200, login(neighbour, "right-" + neighbour, "nat-neighbour").statusCode(),
                "a colleague behind the same proxy signs in with the right password");
    }

    @Test
    void anAddressSprayingGuessesAtManyAccountsIsLockedOut() {
        for (int i = 0; i < LoginThrottle.MAX_PER_ADDRESS; i++) {
            login("nobody-" + i, "guess", "spray-" + i);
        }
        String fresh = newUser("viewer");
        assertEquals(429, login(fresh, "right-" + fresh, "spray-fresh").statusCode());
    }

    @Test
    void anAccountsFailuresCountFromEveryAddress() {
        String account = SimModels.unique("roaming");
        for (int i = 0; i < LoginThrottle.MAX_PER_ACCOUNT; i++) {
            throttle.recordFailure(account, "10.0.0." + i);
        }
        assertTrue(throttle.retryAfterSeconds(account, "192.0.2.7") > 0, "locked from an address it never failed from");
        assertEquals(0, throttle.retryAfterSeconds(SimModels.unique("other"), "10.0.0.1"),
                "the addresses are far below their own limit");
        throttle.recordSuccess(account);
        assertEquals(0, throttle.retryAfterSeconds(account, "10.0.0.1"));
    }
}
