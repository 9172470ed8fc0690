package dev.nebula.catalog.auth;

/**
 * Someone Nebula can be asked as: a user's own session ({@code jti} is our session's id) or the configured service
 * account ({@code jti} null).
 */
public record NebulaIdentity(String jti, String username, String token) {

    static NebulaIdentity of(SessionRegistry.ActiveSession s) {
        return new NebulaIdentity(s.jti(), s.username(), s.nebulaToken());
    }

    static NebulaIdentity serviceAccount(String token) {
        return new NebulaIdentity(null, null, token);
    }

    public boolean isServiceAccount() {
        return jti == null;
    }

    @Override
    public String toString() {
        return isServiceAccount() ? "service account" : "session " + jti + " of " + username; // never the token
    }
}
