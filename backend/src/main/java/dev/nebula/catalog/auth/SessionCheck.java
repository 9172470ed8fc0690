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

import java.util.Optional;

/**
 * A valid signature is not enough for our own tokens: the session behind the token id must exist and not be
 * logged out. Tokens of an external issuer have no session here and pass through.
 */
@ApplicationScoped
public class SessionCheck implements SecurityIdentityAugmentor {

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
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || !ownIssuer.equals(jwt.getIssuer())) {
            return Uni.createFrom().item(identity);
        }
        String jti = jwt.getTokenID();
        if (jti == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("token has no id"));
        }
        Optional<Boolean> known = sessions.knownActive(jti);
        if (known.isPresent()) {
            return known.get() ? Uni.createFrom().item(identity) : rejected();
        }
        return context.runBlocking(() -> {
            if (sessions.find(jti).isEmpty()) {
                throw new AuthenticationFailedException("session ended");
            }
            return identity;
        });
    }

    private static Uni<SecurityIdentity> rejected() {
        return Uni.createFrom().failure(new AuthenticationFailedException("session ended"));
    }
}
