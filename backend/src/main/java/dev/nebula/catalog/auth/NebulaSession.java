package dev.nebula.catalog.auth;

import dev.nebula.catalog.nebula.NebulaFailures;
import dev.nebula.catalog.web.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The current caller as Nebula knows them: their own Nebula session (signed in through us) or, for users of an
 * external issuer, the service account's. Features ask Nebula through this instead of passing tokens around.
 * <ul>
 * <li>{@link #call} acts as the caller, so Nebula's own permission checks apply to every write on their behalf.
 * When Nebula has ended the caller's session, ours ends too and the caller gets 401 {@code nebula_session_expired};
 * the service account's session is renewed once instead.</li>
 * <li>{@link #sharedRead} is for reads whose answer every caller shares: another caller's ended session never fails
 * them (see {@link SharedReads}). Such a read may never try the caller's own session, so {@link #confirmation}
 * checks it with Nebula alongside (see {@link SessionConfirmations}) and {@link #requireLive} then tells the caller
 * whose own session ended.</li>
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

    @Inject
    SessionConfirmations confirmations;

    /** How long a caller who already has their answer waits for their session's confirmation before being served. */
    static final Duration CONFIRMATION_WAIT = Duration.ofSeconds(1);

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
            T answer = call.apply(who.token());
            confirmations.confirmed(who);
            return answer;
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

    /**
     * Starts confirming the caller's own Nebula session when it is due; never waits for Nebula. Start it before the
     * shared read, so that the two run side by side.
     */
    public CompletableFuture<Boolean> confirmation() {
        if (caller.external()) {
            return CompletableFuture.completedFuture(true);
        }
        return caller.tokenId().flatMap(sessions::find).map(NebulaIdentity::of).map(confirmations::confirm)
                .orElse(CompletableFuture.completedFuture(true));
    }

    /**
     * 401 when the caller's own session was found ended: by {@code confirming}, by a shared read made meanwhile, or
     * by a logout. A confirmation still under way after {@link #CONFIRMATION_WAIT} carries on for the next request.
     */
    public void requireLive(CompletableFuture<Boolean> confirming) {
        boolean refused;
        try {
            refused = !confirming.get(CONFIRMATION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            refused = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            refused = false;
        }
        if (refused || !caller.external() && caller.tokenId().flatMap(sessions::find).isEmpty()) {
            throw ended();
        }
    }

    private static ApiException ended() {
        return new ApiException(401, NebulaFailures.SESSION_ENDED, "Your Nebula session has ended; sign in again.");
    }
}
