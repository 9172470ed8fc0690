package dev.nebula.catalog.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A valid signature is not enough. No token may be dated ahead; for our own tokens the session behind the token id must
 * exist, not be logged out, and be the user and role the token claims. Tokens of an external issuer have no session
 * here; their issuer, signature and audience were checked by {@link ExternalTokens}.
 */
@ApplicationScoped
public class SessionCheck implements SecurityIdentityAugmentor {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    @Inject
    SessionRegistry sessions;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String ownIssuer;

    @Override
    public int priority() {
        return 10; // before the role hierarchy widens roles
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        if (issuedInTheFuture(jwt)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("token issued in the future"));
        }
        if (!ownIssuer.equals(jwt.getIssuer())) {
            return Uni.createFrom().item(identity);
        }
        String jti = jwt.getTokenID();
        if (jti == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("token has no id"));
        }
        Optional<Optional<SessionRegistry.ActiveSession>> known = sessions.cached(jti);
        if (known.isPresent()) {
            return matches(jwt, known.get()) ? Uni.createFrom().item(identity) : rejected();
        }
        return context.runBlocking(() -> {
            if (!matches(jwt, sessions.find(jti))) {
                throw new AuthenticationFailedException("session ended");
            }
            return identity;
        });
    }

    /**
     * The token must stand for the session it names: same user, same role. A signature alone cannot prove that if
     * the signing key ever signed other claims, and a role changed in Nebula takes effect at the next sign-in.
     */
    static boolean matches(JsonWebToken jwt, Optional<SessionRegistry.ActiveSession> session) {
        return session.isPresent() && session.get().username().equals(jwt.getSubject())
                && Set.of(session.get().role()).equals(jwt.getGroups());
    }

    /**
     * A token dated ahead (beyond {@link #CLOCK_SKEW}) was minted by a clock or a party we should not trust; an expiry
     * check alone would let such a token live longer than its issuer meant. A token without {@code iat} is refused too.
     */
    static boolean issuedInTheFuture(JsonWebToken jwt) {
        long iat = jwt.getIssuedAtTime();
        return iat <= 0 || iat > Instant.now().plus(CLOCK_SKEW).getEpochSecond();
    }

    private static Uni<SecurityIdentity> rejected() {
        return Uni.createFrom().failure(new AuthenticationFailedException("session ended"));
    }
}
