package dev.nebula.catalog.auth;

import dev.nebula.catalog.inventory.InventoryService;
import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.ExternalIssuer;
import dev.nebula.catalog.support.NebulaSimulatorResource;
import dev.nebula.catalog.support.SimModels;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Block A is one snapshot shared by every caller, refreshed as whoever asks first. Nobody else's session may decide
 * whether a caller gets their data; and a token must be exactly what its session says it is.
 */
@QuarkusTest
class SharedSessionsTest {

    private static final String MODELS = "/api/v2/catalog/models";

    @Inject
    InventoryService inventory;

    @ConfigProperty(name = "mp.jwt.verify.audiences")
    String audience;

    @AfterEach
    void calm() {
        NebulaSimulatorResource.control().chaosOff();
    }

    /** A Nebula user of its own, so ending its sessions touches no other test. */
    private static String newUser(String role) {
        String name = SimModels.unique("user-" + role);
        NebulaSimulatorResource.control().putUser(name, "pw-" + name, role, true);
        return name;
    }

    @Test
    void oneUsersEndedSessionNeverSignsOutAnotherWhoJoinedTheSameRefresh() throws Exception {
        String bob = newUser("viewer");
        String bobToken = Tokens.login(bob, "pw-" + bob);
        for (int round = 0; round < 5; round++) {
            Race race = aliceAndBobRefreshTogether(bobToken, true); // Bob joins the refresh Alice's session starts
            assertEquals(200, race.bobs.statusCode(), "round " + round + ": Bob gets the list: " + race.bobs.asString());
            assertEquals(401, race.alices.statusCode(), "round " + round + ": Alice is asked to sign in: " + race.alices.asString());
            assertEquals("nebula_session_expired", race.alices.path("error.code"));
            assertEquals(401, list(race.aliceToken).statusCode(), "Alice's sign-in has ended with her Nebula session");
        }
        assertEquals(200, list(bobToken).statusCode());
    }

    @Test
    void aSessionEndedElsewhereIsNoticedWhenItsOwnerJoinsSomeoneElsesRefresh() throws Exception {
        String bob = newUser("viewer");
        String bobToken = Tokens.login(bob, "pw-" + bob);
        for (int round = 0; round < 3; round++) {
            Race race = aliceAndBobRefreshTogether(bobToken, false); // Bob's refresh never tries Alice's session
            assertEquals(200, race.bobs.statusCode(), "round " + round + ": Bob gets the list: " + race.bobs.asString());
            assertEquals(401, race.alices.statusCode(), "round " + round + ": Alice is asked to sign in: " + race.alices.asString());
            assertEquals("nebula_session_expired", race.alices.path("error.code"));
        }
    }

    private record Race(String aliceToken, Response alices, Response bobs) {
    }

    /**
     * A new user Alice, whose Nebula session has ended (e.g. signed out of Nebula in another tab), and Bob ask for block
     * A 100 ms apart on a slow Nebula, so that the second joins the refresh the first starts.
     */
    private Race aliceAndBobRefreshTogether(String bobToken, boolean aliceFirst) throws Exception {
        String alice = newUser("viewer");
        String aliceToken = Tokens.login(alice, "pw-" + alice);
        NebulaSimulatorResource.control().endSessionsOf(alice);
        settle(bobToken);
        inventory.invalidate("any"); // the next caller starts the refresh
        NebulaSimulatorResource.control().setLatency(300, 0);
        String firstToken = aliceFirst ? aliceToken : bobToken;
        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> list(firstToken));
        Thread.sleep(100);
        Response second = list(aliceFirst ? bobToken : aliceToken);
        Response firsts = first.get();
        NebulaSimulatorResource.control().chaosOff();
        return aliceFirst ? new Race(aliceToken, firsts, second) : new Race(aliceToken, second, firsts);
    }

    @Test
    void aBurstOfOneUsersRequestsSharesOneConfirmation() throws Exception {
        String erin = newUser("viewer");
        String erinToken = Tokens.login(erin, "pw-" + erin);
        int before = NebulaSimulatorResource.control().requests("/api/auth/me").size();
        NebulaSimulatorResource.control().setLatency(300, 0);
        List<CompletableFuture<Response>> burst = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> list(erinToken))).toList();
        for (CompletableFuture<Response> each : burst) {
            assertEquals(200, each.get().statusCode());
        }
        NebulaSimulatorResource.control().chaosOff();
        int checks = NebulaSimulatorResource.control().requests("/api/auth/me").size() - before;
        assertTrue(checks >= 1 && checks <= 2, "6 requests at once asked Nebula " + checks + " times");
    }

    @Test
    void nebulaUnableToConfirmASessionSignsNobodyOut() {
        String dave = newUser("viewer");
        String daveToken = Tokens.login(dave, "pw-" + dave);
        assertEquals(200, list(daveToken).statusCode());
        NebulaSimulatorResource.control().setOutage(true);
        Response during = list(daveToken);
        NebulaSimulatorResource.control().chaosOff();
        assertEquals(200, during.statusCode(), "the last list, marked stale: " + during.asString());
        assertEquals(true, during.path("stale"));
        assertEquals(200, list(daveToken).statusCode(), "still signed in once Nebula is back");
    }

    @Test
    void aWriteWithAnEndedSessionEndsOnlyThatCallersSignIn() {
        String carol = newUser("operator");
        String carolToken = Tokens.login(carol, "pw-" + carol);
        NebulaSimulatorResource.control().endSessionsOf(carol);
        given().filter(Contract.FILTER).auth().oauth2(carolToken).contentType("application/json")
                .body("{\"provider\":\"huggingface\",\"model_id\":\"Qwen/Qwen2.5-7B-Instruct\"}")
                .when().post("/api/v2/catalog/import/preflight")
                .then().statusCode(401).body("error.code", equalTo("nebula_session_expired"));
        assertEquals(401, list(carolToken).statusCode());
        assertEquals(200, list(Tokens.operator()).statusCode());
    }

    @Test
    void externalIssuerUsersSeeBlockAEvenAfterNebulaEndedTheServiceAccountsSession() {
        String external = ExternalIssuer.token("erin", List.of("gpu-operators"));
        inventory.invalidate("any");
        given().filter(Contract.FILTER).auth().oauth2(external).when().get(MODELS)
                .then().statusCode(200).body("stale", equalTo(false));
        NebulaSimulatorResource.control().endSessionsOf("catalog-svc");
        inventory.invalidate("any");
        given().filter(Contract.FILTER).auth().oauth2(external).when().get(MODELS)
                .then().statusCode(200).body("stale", equalTo(false));
        given().filter(Contract.FILTER).auth().oauth2(external).when().get("/api/v2/catalog/models/x-none-such")
                .then().statusCode(404);
    }

    @Test
    void aTokenWhoseRoleDiffersFromItsSessionIsRefused() {
        String viewer = Tokens.login("viewer", "viewer123");
        Claims real = Claims.of(viewer);
        String promoted = Jwt.subject("viewer").upn("viewer").groups("admin").audience(audience)
                .claim("jti", real.jti).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600)).sign();
        assertEquals(401, me(promoted));
        String otherUser = Jwt.subject("admin").upn("admin").groups("viewer").audience(audience)
                .claim("jti", real.jti).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600)).sign();
        assertEquals(401, me(otherUser));
        assertEquals(200, me(viewer), "the genuine token still works");
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        Claims real = Claims.of(Tokens.login("viewer", "viewer123"));
        String ahead = Jwt.subject("viewer").upn("viewer").groups("viewer").audience(audience).claim("jti", real.jti)
                .issuedAt(Instant.now().plusSeconds(3600)).expiresAt(Instant.now().plusSeconds(7200)).sign();
        assertEquals(401, me(ahead));
        String external = Jwt.issuer(ExternalIssuer.ISSUER).subject("erin").claim("groups", List.of("gpu-operators"))
                .audience(ExternalIssuer.AUDIENCE).issuedAt(Instant.now().plusSeconds(3600))
                .expiresAt(Instant.now().plusSeconds(7200)).sign(ExternalIssuer.privateKey());
        assertEquals(401, me(external));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        Claims real = Claims.of(Tokens.login("viewer", "viewer123"));
        String foreign = Jwt.subject("viewer").upn("viewer").groups("viewer").audience("some-other-app")
                .claim("jti", real.jti).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600)).sign();
        assertEquals(401, me(foreign));
        String none = Jwt.subject("viewer").upn("viewer").groups("viewer")
                .claim("jti", real.jti).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600)).sign();
        assertEquals(401, me(none));
        assertEquals(401, me(ExternalIssuer.token("erin", List.of("gpu-operators"), "grafana")));
        assertEquals(200, me(ExternalIssuer.token("erin", List.of("gpu-operators"))));
    }

    /** Waits until no refresh is in flight: one that outlived its callers' wait would be joined instead. */
    private static void settle(String token) {
        for (int i = 0; i < 50 && !Boolean.FALSE.equals(list(token).path("stale")); i++) {
            Thread.onSpinWait();
        }
    }

    private static Response list(String token) {
        return given().filter(Contract.FILTER).auth().oauth2(token).when().get(MODELS);
    }

    private static int me(String token) {
        return given().filter(Contract.FILTER).auth().oauth2(token).when().get("/api/v2/catalog/auth/me").statusCode();
    }

    private record Claims(String jti) {
        static Claims of(String token) {
            try {
                String json = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
                return new Claims(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("jti").asText());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
