package dev.nebula.catalog.auth;

import dev.nebula.catalog.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The Nebula session to use for the current caller's calls to Nebula. Blocking on a cache miss. */
@ApplicationScoped
public class NebulaSessions {

    @Inject
    SessionRegistry sessions;

    public String tokenFor(Caller caller) {
        return caller.tokenId().flatMap(sessions::find).map(SessionRegistry.ActiveSession::nebulaToken)
                .orElseThrow(() -> new ApiException(401, "nebula_session_expired",
                        "There is no Nebula session behind this sign-in; sign in again."));
    }
}
