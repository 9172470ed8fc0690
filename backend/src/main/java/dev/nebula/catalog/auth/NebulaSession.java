package dev.nebula.catalog.auth;

import dev.nebula.catalog.nebula.NebulaFailures;
import dev.nebula.catalog.web.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.function.Function;

/**
 * The current caller as Nebula knows them: their own Nebula session (signed in through us) or, for users of an
 * external issuer, the service account's. Features ask Nebula through this instead of passing tokens around.
 * <ul>
 * <li>{@link #call} acts as the caller, so Nebula's own permission checks apply to every write on their behalf.
 * When Nebula has ended the caller's session, ours ends too and the caller gets 401 {@code nebula_session_expired};
 * the service account's session is renewed once instead.</li>
 * <li>{@link #sharedRead} is for reads whose answer every caller shares: another caller's ended session never fails
 * them (see {@link SharedReads}). Afterwards {@link #requireLive} tells the caller whose own session ended.</li>
 * </ul>
 * Blocking on a cache miss: use from worker threads.
 */
@RequestScoped
public class NebulaSession {

    @Inject
    Caller caller;

    @Inject
    SessionRegistry sessions;

    @Inject
    NebulaServiceAccount serviceAccount;

    @Inject
    SharedReads shared;

    /** Who the caller is to Nebula; 401 when no Nebula session stands behind their sign-in any more. */
    public NebulaIdentity identity() {
        if (caller.external()) {
            return NebulaIdentity.serviceAccount(serviceAccount.token());
        }
        return caller.tokenId().flatMap(sessions::find).map(NebulaIdentity::of).orElseThrow(NebulaSession::ended);
    }

    /**
     * {@link #identity()}, or empty instead of an error, whatever the error (for probes that can do without): with
     * the database down and the session not cached, capabilities must still say the database is down.
     */
    public Optional<NebulaIdentity> identityIfAny() {
        try {
            return Optional.of(identity());
        } catch (RuntimeException none) {
            return Optional.empty();
        }
    }

    /** Runs a blocking Nebula call as the caller. */
    public <T> T call(Function<String, T> call) {
        NebulaIdentity who = identity();
        try {
            return call.apply(who.token());
        } catch (RuntimeException e) {
            if (!NebulaFailures.sessionEnded(e)) {
                throw e;
            }
            shared.ended(who);
            if (!who.isServiceAccount()) {
                throw ended();
            }
            return call.apply(serviceAccount.token());
        }
    }

    /**
     * A read whose answer is shared: starts as the caller (resolved now, on the calling thread) and steps over
     * ended sessions.
     */
    public <T> Uni<T> sharedRead(Function<String, Uni<T>> read) {
        return shared.read(identity(), read);
    }

    /** 401 when the caller's own session was found ended (by a shared read made meanwhile, or a logout). */
    public void requireLive() {
        if (!caller.external() && caller.tokenId().flatMap(sessions::find).isEmpty()) {
            throw ended();
        }
    }

    private static ApiException ended() {
        return new ApiException(401, NebulaFailures.SESSION_ENDED, "Your Nebula session has ended; sign in again.");
    }
}
