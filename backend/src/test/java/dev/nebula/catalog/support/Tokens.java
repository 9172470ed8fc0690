package dev.nebula.catalog.support;

import io.restassured.http.ContentType;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/**
 * Bearer tokens obtained the way a user gets them: signing in through our login endpoint with the simulator's
 * demo accounts, so each token has a real Nebula session behind it. Cached per role for the run.
 */
public final class Tokens {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String viewer() {
        return cached("viewer", "viewer123");
    }

    public static String operator() {
        return cached("operator", "operator123");
    }

    public static String admin() {
        return cached("admin", "admin123");
    }

    private static String cached(String user, String password) {
        return CACHE.computeIfAbsent(user, u -> login(u, password));
    }

    /** A fresh sign-in (not cached), for tests that end or otherwise spend their session. */
    public static String login(String user, String password) {
        return given().filter(Contract.FILTER).contentType(ContentType.JSON)
                .body(Map.of("username", user, "password", password))
                .when().post("/api/v2/catalog/auth/login")
                .then().statusCode(200).extract().path("token");
    }
}
