package dev.nebula.sim.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Session tokens: two simple-form UUIDv4 concatenated (64 lowercase hex), fixed 24 h expiry in REAL time (sessions
 * live in PostgreSQL upstream, not in the simulated cluster), no renewal. Every login adds a session.
 */
public final class Sessions {
    public static final Duration TTL = Duration.ofHours(24);

    /** A session row. */
    public record Session(String token, String username, Instant expiresAt) {
    }

    private final Map<String, Session> byToken = new ConcurrentHashMap<>();

    public Session open(String username) {
        String token = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        Session s = new Session(token, username, Instant.now().plus(TTL));
        byToken.put(token, s);
        return s;
    }

    /** The live session for a token, or null when unknown or expired. */
    public Session find(String token) {
        Session s = byToken.get(token);
        if (s == null) {
            return null;
        }
        if (!s.expiresAt().isAfter(Instant.now())) {
            byToken.remove(token);
            return null;
        }
        return s;
    }

    public void close(String token) {
        byToken.remove(token);
    }

    /** Ends every session of one user, as a logout in their other tab or an admin's action would. */
    public int closeAllOf(String username) {
        int before = byToken.size();
        byToken.values().removeIf(s -> s.username().equals(username));
        return before - byToken.size();
    }

    /** Lets tests exercise a client's re-login path without waiting a day. */
    public void clear() {
        byToken.clear();
    }

    public int count() {
        return byToken.size();
    }
}
