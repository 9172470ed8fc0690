package dev.nebula.sim.http;

import dev.nebula.sim.auth.Sessions;
import dev.nebula.sim.auth.User;
import dev.nebula.sim.auth.Users;

/** The BFF's session middleware (reference §2.2): exact "Bearer " prefix, live session, active user, known role. */
final class Authenticator {
    private final Users users;
    private final Sessions sessions;

    Authenticator(Users users, Sessions sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    void authenticate(Call call) {
        String header = call.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            throw Errors.auth(401, "missing token");
        }
        String token = header.substring("Bearer ".length());
        Sessions.Session session = sessions.find(token);
        User user = session == null ? null : users.find(session.username());
        if (user == null || !user.active()) {
            throw Errors.auth(401, "invalid or expired token");
        }
        if (user.rank() < 0) {
            throw Errors.auth(403, "invalid role");
        }
        call.user = user;
        call.token = token;
    }
}
