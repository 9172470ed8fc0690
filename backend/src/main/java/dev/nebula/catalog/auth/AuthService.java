package dev.nebula.catalog.auth;

import dev.nebula.catalog.audit.AuditEntry;
import dev.nebula.catalog.audit.AuditLog;
import dev.nebula.catalog.nebula.NebulaClient;
import dev.nebula.catalog.nebula.NebulaDtos;
import dev.nebula.catalog.nebula.NebulaException;
import dev.nebula.catalog.nebula.NebulaFailures;
import dev.nebula.catalog.nebula.NebulaRejection;
import dev.nebula.catalog.web.ApiException;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * Sign-in with a Nebula account: Nebula checks the password and tells the role; we issue our own token whose id
 * keys the (encrypted) Nebula session, so later calls on the user's behalf pass Nebula's own checks too.
 * Runs on worker threads (it writes the database).
 */
@ApplicationScoped
public class AuthService {

    private static final Duration NEBULA_WAIT = Duration.ofSeconds(10);

    @Inject
    NebulaClient nebula;

    @Inject
    SessionRegistry sessions;

    @Inject
    LoginThrottle throttle;

    @Inject
    AuditLog audit;

    @ConfigProperty(name = "smallrye.jwt.new-token.lifespan")
    long lifetimeSeconds;

    public AuthApi.LoginResponse login(AuthApi.LoginRequest request, String clientAddress, String requestId) {
        String username = request == null || request.username() == null ? "" : request.username().trim();
        String password = request == null || request.password() == null ? "" : request.password();
        if (username.isEmpty() || username.length() > 128) {
            throw ApiException.badRequest("username", "username is required (at most 128 characters)");
        }
        if (password.isEmpty() || password.length() > 1024) {
            throw ApiException.badRequest("password", "password is required");
        }
        long wait = throttle.retryAfterSeconds(clientAddress);
        if (wait > 0) {
            throw new ApiException(429, "too_many_attempts", "Too many failed sign-ins from your address; try again in "
                    + wait + " s.", null, Map.of("Retry-After", Long.toString(wait)));
        }
        AuditEntry entry = new AuditEntry(username, null, clientAddress, requestId, "login", AuditEntry.Target.NONE, null);
        NebulaDtos.LoginResponse nebulaLogin;
        NebulaDtos.SessionUser me;
        try {
            nebulaLogin = nebula.login(username, password).await().atMost(NEBULA_WAIT);
            me = nebula.me(nebulaLogin.token()).await().atMost(NEBULA_WAIT);
        } catch (NebulaRejection r) {
            if (r.status() == 401 || r.status() == 403) {
                if (throttle.recordFailure(clientAddress)) {
                    audit.record(new AuditEntry(username, null, clientAddress, requestId, "login_failed",
                            AuditEntry.Target.NONE, Map.of("reason", r.status() == 403 ? "user disabled" : "invalid credentials")), AuditLog.DENIED);
                }
                throw new ApiException(401, "invalid_credentials", r.status() == 403
                        ? "This Nebula account is disabled." : "Wrong username or password.");
            }
            throw NebulaFailures.toApi(r);
        } catch (NebulaException e) {
            throw NebulaFailures.toApi(e);
        }
        RoleHierarchy.Role role = RoleHierarchy.Role.fromWire(me.role());
        if (role == null) {
            throw new ApiException(403, "unknown_role", "Nebula reports a role this catalog does not know: " + me.role());
        }
        throttle.recordSuccess(clientAddress);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime expires = now.plusSeconds(lifetimeSeconds);
        OffsetDateTime nebulaExpires = parse(nebulaLogin.expires_at());
        if (nebulaExpires != null && nebulaExpires.isBefore(expires)) {
            expires = nebulaExpires; // our token must not outlive the Nebula session it stands for
        }
        String jti = UUID.randomUUID().toString();
        String token = Jwt.subject(me.username()).upn(me.username()).groups(role.wire())
                .claim("jti", jti).claim("name", me.display_name() == null ? me.username() : me.display_name())
                .issuedAt(now.toInstant()).expiresAt(expires.toInstant()).sign();
        UserSession session = new UserSession();
        session.jti = jti;
        session.username = me.username();
        session.role = role.wire();
        session.displayName = me.display_name();
        session.nebulaExpiresAt = nebulaExpires;
        session.issuedAt = now;
        session.expiresAt = expires;
        sessions.store(session, nebulaLogin.token());
        audit.record(new AuditEntry(me.username(), role.wire(), clientAddress, requestId, "login", AuditEntry.Target.NONE,
                Map.of("token_id", jti)), AuditLog.SUCCEEDED);
        return new AuthApi.LoginResponse(token, "Bearer", expires.toString(),
                new AuthApi.User(me.username(), role.wire(), me.display_name()));
    }

    /** Ends the Nebula session (best effort) and refuses the token from now on. */
    public void logout(Caller caller) {
        String jti = caller.tokenId().orElse(null);
        if (jti == null) {
            return;
        }
        AuditEntry entry = caller.audit("logout", AuditEntry.Target.NONE, Map.of("token_id", jti));
        long intent = audit.intent(entry);
        sessions.find(jti).ifPresent(s -> {
            try {
                nebula.logout(s.nebulaToken()).await().atMost(NEBULA_WAIT);
            } catch (RuntimeException ignored) {
                // the Nebula session may already be gone; ours is revoked regardless
            }
        });
        sessions.revoke(jti);
        audit.outcome(intent, entry, AuditLog.SUCCEEDED, null);
    }

    private static OffsetDateTime parse(String iso) {
        try {
            return iso == null ? null : OffsetDateTime.parse(iso);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
