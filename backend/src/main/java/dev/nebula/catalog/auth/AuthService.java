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


    @Inject
    NebulaClient nebula;

    @Inject
    SessionRegistry sessions;

    @Inject
    LoginThrottle throttle;

    @Inject
    SessionConfirmations confirmations;

    @Inject
    AuditLog audit;

    @ConfigProperty(name = "mp.jwt.verify.audiences")
    String audience;

    @ConfigProperty(name = "smallrye.jwt.new-token.lifespan")
    long lifetimeSeconds;

    /** Signs in; {@code username} and {@code password} are as the contract allows them (the user name trimmed). */
    public AuthApi.LoginResponse login(String username, String password, String clientAddress, String requestId) {
        long wait = throttle.retryAfterSeconds(username, clientAddress);
        if (wait > 0) {
            throw new ApiException(429, "too_many_attempts", "Too many failed sign-ins for this account or from your "
                    + "address; try again in " + wait + " s.", null, Map.of("Retry-After", Long.toString(wait)));
        }
        NebulaDtos.LoginResponse nebulaLogin;
        NebulaDtos.SessionUser me;
        try {
            nebulaLogin = nebula.blocking().login(username, password);
            me = nebula.blocking().me(nebulaLogin.token());
        } catch (RuntimeException e) {
            throw refused(username, clientAddress, requestId, e);
        }
        RoleHierarchy.Role role = RoleHierarchy.Role.fromWire(me.role());
        if (role == null) {
            throw NebulaFailures.roleUnknown(me.role(), Map.of());
        }
        throttle.recordSuccess(username);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime expires = now.plusSeconds(lifetimeSeconds);
        OffsetDateTime nebulaExpires = parse(nebulaLogin.expires_at());
        if (nebulaExpires != null && nebulaExpires.isBefore(expires)) {
            expires = nebulaExpires; // our token must not outlive the Nebula session it stands for
        }
        String jti = UUID.randomUUID().toString();
        String token = Jwt.subject(me.username()).upn(me.username()).groups(role.wire()).audience(audience)
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
        confirmations.confirmed(new NebulaIdentity(jti, me.username(), nebulaLogin.token())); // Nebula just did
        audit.record(new AuditEntry(me.username(), role.wire(), clientAddress, requestId, "login", AuditEntry.Target.NONE,
                Map.of("token_id", jti)), AuditLog.SUCCEEDED);
        return new AuthApi.LoginResponse(token, "Bearer", expires.toString(),
                new AuthApi.User(me.username(), role.wire(), me.display_name()));
    }

    /**
     * Why Nebula did not sign the user in, in words they can act on. Only a wrong password or a disabled account
     * counts against the throttle: an outage or an unusable role is not a guess.
     */
    private ApiException refused(String username, String clientAddress, String requestId, RuntimeException failure) {
        ApiException mapped = NebulaFailures.toApi(failure);
        boolean wrongPassword = failure instanceof NebulaRejection r && r.status() == 401;
        if (wrongPassword || "account_disabled".equals(mapped.code())) {
            if (throttle.recordFailure(username, clientAddress)) {
                audit.record(new AuditEntry(username, null, clientAddress, requestId, "login_failed",
                        AuditEntry.Target.NONE, Map.of("reason", wrongPassword ? "invalid credentials" : "user disabled")),
                        AuditLog.DENIED);
            }
            return wrongPassword ? new ApiException(401, "invalid_credentials", "Wrong username or password.") : mapped;
        }
        if (failure instanceof NebulaException n && n.status() == 500 && !n.isRejected()) {
            // login's own query failed: Nebula's user database is down ({"error":"database error"})
            return NebulaFailures.signInsUnavailable(500);
        }
        return mapped;
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
                nebula.blocking().logout(s.nebulaToken());
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
