package dev.nebula.sim.http;

import dev.nebula.sim.auth.Sessions;
import dev.nebula.sim.auth.User;
import dev.nebula.sim.auth.Users;
import dev.nebula.sim.wire.Views.LoginResponse;
import dev.nebula.sim.wire.Views.SessionUser;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** /api/auth/*, /api/whoami and /api/healthz (reference §2). Errors use the {"error":"..."} shape. */
final class AuthApi {
    private static final Schema LOGIN = Schema.of("LoginRequest")
            .req("username", Schema.Kind.STRING).req("password", Schema.Kind.STRING).build();

    private final Users users;
    private final Sessions sessions;

    AuthApi(Users users, Sessions sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    void register(Router router) {
        router.open("POST", "/api/auth/login", this::login)
                .open("GET", "/api/healthz", c -> Reply.json(200, Map.of("status", "ok")))
                .add("GET", "/api/auth/me", c -> Reply.json(200, sessionUser(c.user)))
                .add("POST", "/api/auth/logout", this::logout)
                .add("GET", "/api/whoami", c -> Reply.sortedJson(200, Map.of("principal", c.user.username(),
                        "role", c.user.role())));
    }

    /** The disabled check runs before the password check, as upstream. */
    private Reply login(Call c) {
        Fields body = JsonBody.read(c, LOGIN);
        String username = body.string("username").trim();
        String password = body.string("password");
        if (username.isEmpty() || password.isEmpty()) {
            throw Errors.simple(400, "username and password are required");
        }
        User user = users.find(username);
        if (user == null) {
            throw Errors.simple(401, "invalid credentials");
        }
        if (!user.active()) {
            throw Errors.simple(403, "user disabled");
        }
        if (!user.password().equals(password)) {
            throw Errors.simple(401, "invalid credentials");
        }
        Sessions.Session s = sessions.open(user.username());
        return Reply.json(200, new LoginResponse(s.token(), DateTimeFormatter.ISO_INSTANT.format(s.expiresAt()),
                sessionUser(user)));
    }

    private Reply logout(Call c) {
        sessions.close(c.token);
        return Reply.json(200, Map.of("ok", true));
    }

    /** An unknown role string is reported as viewer here, although every later request fails with invalid role. */
    private static SessionUser sessionUser(User u) {
        return new SessionUser(u.id(), u.username(), u.rank() < 0 ? "viewer" : u.role(), u.displayName(), u.email());
    }
}
