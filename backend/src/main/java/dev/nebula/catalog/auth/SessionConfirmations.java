package dev.nebula.catalog.auth;

import dev.nebula.catalog.cache.BoundedCache;
import dev.nebula.catalog.config.CatalogConfig;
import dev.nebula.catalog.nebula.NebulaClient;
import dev.nebula.catalog.nebula.NebulaFailures;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Nebula ends sessions on its own: a logout in another tab, an expiry, a disabled account. Block A is one snapshot
 * shared by every caller and refreshed as whoever asks first, so a caller whose Nebula session has ended could read it
 * for as long as others keep it fresh. Each user's session is therefore confirmed with Nebula ({@code /api/auth/me})
 * when it has not been confirmed for {@code catalog.auth.confirm-session-every}; any Nebula call that accepted the
 * session counts as a confirmation too. Only Nebula's own "this session is no longer valid" ends ours: a Nebula that
 * is down or slow confirms nothing and ends nothing.
 */
@ApplicationScoped
public class SessionConfirmations {

    @Inject
    NebulaClient nebula;

    @Inject
    SharedReads shared;

    @Inject
    CatalogConfig config;

    private final BoundedCache<String, Long> confirmedAt =
            BoundedCache.expiringWhenIdle(SessionRegistry.MAX_SESSIONS, SessionRegistry.FORGET_IDLE_AFTER);
    /** One check per session at a time: a page's burst of requests shares it. */
    private final ConcurrentHashMap<String, CompletableFuture<Boolean>> checking = new ConcurrentHashMap<>();

    /** Nebula accepted a call made with this identity's session just now. */
    void confirmed(NebulaIdentity who) {
        if (!who.isServiceAccount()) {
            confirmedAt.put(who.jti(), System.nanoTime());
        }
    }

    /**
     * Completes with false once Nebula has said the session ended (ours is ended then too, whoever is still waiting),
     * with true when it is confirmed, recently was, or Nebula could not say. Never blocks.
     */
    CompletableFuture<Boolean> confirm(NebulaIdentity who) {
        Long at = who.isServiceAccount() ? null : confirmedAt.getIfPresent(who.jti());
        if (who.isServiceAccount() || at != null && System.nanoTime() - at < config.auth().confirmSessionEvery().toNanos()) {
            return CompletableFuture.completedFuture(true);
        }
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = checking.putIfAbsent(who.jti(), mine);
        if (running != null) {
            return running;
        }
        nebula.me(who.token()).subscribeAsCompletionStage()
                // ending a session writes the database: off the event loop the answer arrives on
                .handleAsync((me, failure) -> settle(who, failure), Infrastructure.getDefaultWorkerPool())
                .whenComplete((live, failure) -> {
                    checking.remove(who.jti(), mine);
                    mine.complete(failure != null || live); // a check that itself failed ends nothing
                });
        return mine;
    }

    private boolean settle(NebulaIdentity who, Throwable failure) {
        if (failure == null) {
            confirmed(who);
            return true;
        }
        if (NebulaFailures.sessionEnded(failure)) {
            Log.infof("Nebula no longer accepts %s; it is ended here too", who);
            shared.ended(who);
            return false;
        }
        Log.debugf("could not confirm %s with Nebula: %s", who, failure.getMessage());
        return true;
    }
}
