package dev.nebula.catalog.auth;

import dev.nebula.catalog.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.function.Function;

/**
 * The Nebula session for the current caller: their own (signed in through us) or, for users of an external issuer,
 * the service account's. Blocking on a cache miss.
 */
@ApplicationScoped
public class NebulaSessions {

    @Inject
    SessionRegistry sessions;

    @Inject
    NebulaServiceAccount serviceAccount;

    public String tokenFor(Caller caller) {
        if (caller.external()) {
            return serviceAccount.token();
        }
        return caller.tokenId().flatMap(sessions::find).map(SessionRegistry.ActiveSession::nebulaToken)
                .orElseThrow(() -> new ApiException(401, "nebula_session_expired",
                        "There is no Nebula session behind this sign-in; sign in again."));
    }

    /**
     * Runs a blocking Nebula call with the caller's session. For the service account, a session Nebula has ended
     * is replaced once and the call repeated; a user's own ended session is theirs to renew by signing in.
     */
    public <T> T withSession(Caller caller, Function<String, T> call) {
        String token = tokenFor(caller);
        try {
            return call.apply(token);
        } catch (ApiException e) {
            if (!"nebula_session_expired".equals(e.code()) || !caller.external()) {
                throw e;
            }
            serviceAccount.invalidate(token);
            return call.apply(serviceAccount.token());
        }
    }
}
