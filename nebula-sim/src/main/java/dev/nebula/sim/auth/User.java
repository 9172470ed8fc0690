package dev.nebula.sim.auth;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A BFF user. The role is a free string as in Nebula's PostgreSQL table: anything but admin/operator/viewer makes
 * every authenticated request fail with 403 "invalid role" (reference §2.2).
 */
public record User(String id, String username, String password, String role, String displayName, String email,
                   boolean active) {

    /** Ids derive from the username so they survive a simulator reset. */
    public static User of(String username, String password, String role, String displayName, String email,
                          boolean active) {
        String id = UUID.nameUUIDFromBytes(("nebula-sim-user:" + username).getBytes(StandardCharsets.UTF_8)).toString();
        return new User(id, username, password, role, displayName, email, active);
    }

    /** Nebula's hierarchy admin ⊇ operator ⊇ viewer; -1 for an unknown role string. */
    public int rank() {
        return rankOf(role);
    }

    public static int rankOf(String role) {
        return switch (role) {
            case "viewer" -> 1;
            case "operator" -> 2;
            case "admin" -> 3;
            default -> -1;
        };
    }
}
