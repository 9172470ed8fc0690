package dev.nebula.catalog.auth;

import dev.nebula.catalog.nebula.NebulaFailures;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads whose answer is shared by every caller (block A's snapshot, background resolution of imports) must not
 * fail because the one session they happened to start with has ended. When Nebula refuses that session, it is ended
 * here too (its owner is asked to sign in again) and the read is repeated as another live session, newest first,
 * then as the service account when one is configured. Nebula's own permission checks still apply to each attempt;
 * writes never come through here, they go out as the caller.
 */
@ApplicationScoped
public class SharedReads {

    /** Attempts per read: enough to step over a few ended sessions, bounded so a mass logout cannot stall a read. */
    static final int MAX_ATTEMPTS = 4;

    @Inject
    SessionRegistry sessions;

    @Inject
    NebulaServiceAccount serviceAccount;

    @Inject
    SessionConfirmations confirmations;

    /** Runs {@code read} as {@code first}, then as other identities while Nebula says the session has ended. */
    public <T> Uni<T> read(NebulaIdentity first, Function<String, Uni<T>> read) {
        return attempt(first, read, new Tried());
    }

    /** Whom background work may ask Nebula as: {@code preferredUser}'s sessions first, then the service account. Blocking. */
    public List<NebulaIdentity> candidates(String preferredUser, int limit) {
        List<NebulaIdentity> out = new ArrayList<>();
        sessions.liveSessions(preferredUser, Set.of(), limit).forEach(s -> out.add(NebulaIdentity.of(s)));
        serviceAccountIfAny().ifPresent(out::add);
        return out;
    }

    /** Nebula refused {@code who}'s session: end ours, or forget the service account's so it signs in again. */
    public void ended(NebulaIdentity who) {
        if (who.isServiceAccount()) {
            serviceAccount.invalidate(who.token());
        } else {
            sessions.revoke(who.jti());
        }
    }

    /** The identities one read has been attempted as. */
    private static final class Tried {
        final Set<String> sessions = new HashSet<>();
        boolean serviceAccount;
        int count;

        void add(NebulaIdentity who) {
            count++;
            if (who.isServiceAccount()) {
                serviceAccount = true;
            } else {
                sessions.add(who.jti());
            }
        }
    }

    private <T> Uni<T> attempt(NebulaIdentity who, Function<String, Uni<T>> read, Tried tried) {
        tried.add(who);
        return read.apply(who.token()).invoke(() -> confirmations.confirmed(who))
                .onFailure(NebulaFailures::sessionEnded).recoverWithUni(e -> {
            if (tried.count >= MAX_ATTEMPTS) {
                return Uni.createFrom().failure(e);
            }
            // ending a session, finding another and signing the service account in all block: off the event loop
            return Uni.createFrom().item(() -> next(who, tried))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .chain(next -> next.isEmpty() ? Uni.createFrom().failure(e) : attempt(next.get(), read, tried));
        });
    }

    private Optional<NebulaIdentity> next(NebulaIdentity ended, Tried tried) {
        ended(ended);
        Log.infof("Nebula refused %s during a shared read; trying another identity", ended);
        List<SessionRegistry.ActiveSession> live = sessions.liveSessions(null, tried.sessions, 1);
        if (!live.isEmpty()) {
            return Optional.of(NebulaIdentity.of(live.get(0)));
        }
        return tried.serviceAccount ? Optional.empty() : serviceAccountIfAny();
    }

    private Optional<NebulaIdentity> serviceAccountIfAny() {
        if (!serviceAccount.configured()) {
            return Optional.empty();
        }
        try {
            return Optional.of(NebulaIdentity.serviceAccount(serviceAccount.token()));
        } catch (RuntimeException e) {
            Log.debugf("the service account cannot sign in to Nebula: %s", e.getMessage());
            return Optional.empty();
        }
    }
}
