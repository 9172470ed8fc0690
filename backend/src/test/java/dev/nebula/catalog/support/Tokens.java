package dev.nebula.catalog.support;

import io.smallrye.jwt.build.Jwt;

import java.util.UUID;

/**
 * Bearer tokens signed with the service's own (test-generated) key, for tests of endpoints that do not call
 * Nebula on the user's behalf. Flows that need a Nebula session sign in through the login endpoint instead.
 */
public final class Tokens {

    private Tokens() {
    }

    public static String of(String user, String role) {
        return Jwt.subject(user).upn(user).groups(role).claim("jti", UUID.randomUUID().toString()).sign();
    }

    public static String viewer() {
        return of("vera", "viewer");
    }

    public static String operator() {
        return of("otto", "operator");
    }

    public static String admin() {
        return of("ada", "admin");
    }
}
