package dev.nebula.catalog.auth;

/** API types of sign-in. */
public final class AuthApi {

    private AuthApi() {
    }

    public record User(String username, String role, String display_name) {
    }

    public record LoginResponse(String token, String token_type, String expires_at, User user) {
    }

    public record Me(User user, String expires_at, String issuer) {
    }
}
