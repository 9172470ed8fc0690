package dev.nebula.catalog.auth;

import dev.nebula.catalog.web.ApiException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The caller's Nebula session token, for calls made on their behalf. The registry may hit the database, so the
 * lookup runs on a worker thread; a caller whose session is gone gets 401 and must sign in again.
 */
@ApplicationScoped
public class NebulaSessions {

    @Inject
    SessionRegistry sessions;

    /** Blocking variant, for code already on a worker thread. */
    public String nebulaToken(Caller caller) {
        return caller.tokenId().flatMap(sessions::find).map(SessionRegistry.ActiveSession::nebulaToken)
                .orElseThrow(NebulaSessions::expired);
    }

    public Uni<String> nebulaTokenFor(Caller caller) {
        // Read the jti on the request thread: the request-scoped Caller is not safe to touch from the worker.
        String jti = caller.tokenId().orElse(null);
        return Uni.createFrom().item(() -> {
            if (jti == null) {
                throw expired();
            }
            return sessions.find(jti).map(SessionRegistry.ActiveSession::nebulaToken).orElseThrow(NebulaSessions::expired);
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static ApiException expired() {
        return new ApiException(401, "nebula_session_expired", "Your Nebula session has ended; sign in again.");
    }
}
