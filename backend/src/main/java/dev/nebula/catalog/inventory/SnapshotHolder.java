package dev.nebula.catalog.inventory;

import dev.nebula.catalog.nebula.NebulaException;
import dev.nebula.catalog.nebula.NebulaFailures;
import dev.nebula.catalog.web.ApiException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The last good snapshot and at most one refresh in flight. A snapshot younger than {@code freshFor} is served
 * as is. One younger than {@code revalidateFor} is served as is too, but starts (or joins) a refresh in the
 * background, so callers never wait for Nebula while the data is only seconds old (its {@code as_of} says how old).
 * Otherwise the caller joins (or starts) the one refresh and waits at most {@code slowAfter}: if Nebula is
 * slower or fails, the last snapshot is served marked stale while the refresh carries on for the next caller.
 * Only when there has never been a snapshot does the caller wait longer and then get 503. Nebula's refusals of
 * the session (4xx other than an ended session) are passed on, not hidden behind stale data.
 */
final class SnapshotHolder<T> {

    record Served<T>(T value, Instant asOf, boolean stale) {
    }

    private record Stamped<T>(T value, Instant asOf) {
    }

    private final Duration freshFor;
    private final Duration revalidateFor;
    private final Duration slowAfter;
    private final Duration firstWait;
    private volatile Stamped<T> last;
    private CompletableFuture<Stamped<T>> running;
    private volatile Instant invalidatedAt = Instant.EPOCH;
    /** When the last refresh failed for want of Nebula (not for a refusal); null once one succeeds again. */
    private volatile Instant failingSince;
    /** When the latest of those failing refreshes ended. */
    private volatile Instant lastFailureAt;
    /**
     * How long a failed refresh speaks for Nebula: three of the page's 10 s refresh periods. While someone looks at
     * block A its refreshes keep this current; after a quiet hour an old failure says nothing about Nebula now.
     */
    static final Duration FAILURE_SPEAKS_FOR = Duration.ofSeconds(30);

    SnapshotHolder(Duration freshFor, Duration revalidateFor, Duration slowAfter, Duration firstWait) {
        this.freshFor = freshFor;
        this.revalidateFor = revalidateFor;
        this.slowAfter = slowAfter;
        this.firstWait = firstWait;
    }

    /** Blocking: call from a worker thread. */
    Served<T> get(Supplier<CompletionStage<T>> refresh) {
        Stamped<T> known = last;
        if (known != null && known.asOf().isAfter(invalidatedAt)) {
            Instant now = Instant.now();
            if (!known.asOf().plus(freshFor).isBefore(now)) {
                return new Served<>(known.value(), known.asOf(), false);
            }
            if (!known.asOf().plus(revalidateFor).isBefore(now)) {
                join(refresh); // for the next caller; a failure here only shows once the snapshot is too old
                return new Served<>(known.value(), known.asOf(), false);
            }
        }
        CompletableFuture<Stamped<T>> pending = join(refresh);
        Duration wait = known == null ? firstWait : slowAfter;
        try {
            Stamped<T> fresh = pending.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return new Served<>(fresh.value(), fresh.asOf(), false);
        } catch (TimeoutException e) {
            return staleOr(known, null);
        } catch (ExecutionException | CompletionException e) {
            return staleOr(known, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return staleOr(known, e);
        }
    }

    /** The last good value without refreshing (null before the first); never blocks. */
    T latest() {
        Stamped<T> known = last;
        return known == null ? null : known.value();
    }

    /**
     * When refreshes began failing because Nebula did not answer (null while the last one succeeded): what the status
     * panel reports, so it never says "reachable" while the list is served stale.
     */
    Instant failingSince() {
        Instant since = failingSince;
        Instant lastFailure = lastFailureAt;
        return since == null || lastFailure == null || lastFailure.plus(FAILURE_SPEAKS_FOR).isBefore(Instant.now())
                ? null : since;
    }

    /** Drops the snapshot's freshness so the next caller refreshes (after a write changed the cluster). */
    void invalidate() {
        invalidatedAt = Instant.now();
    }

    private Served<T> staleOr(Stamped<T> known, Throwable failure) {
        if (failure instanceof ApiException api) {
            throw api;
        }
        if (failure instanceof NebulaException n && n.isRejected() && !NebulaFailures.sessionEnded(n)) {
            throw NebulaFailures.toApi(n);
        }
        // Every session the refresh tried had ended: that is no caller's own fault (each caller is told separately
        // when their own session has ended), so it reads like an outage.
        if (known != null) {
            return new Served<>(known.value(), known.asOf(), true);
        }
        String why = failure == null ? "it did not answer within " + firstWait.toMillis() + " ms"
                : NebulaFailures.sessionEnded(failure) ? "it accepted none of the signed-in sessions" : failure.getMessage();
        throw new ApiException(503, "nebula_unavailable", "Nebula cannot be reached (" + why + ") and no earlier "
                + "model list is available to show; try again shortly.", Map.of("retryable", true));
    }

    /** Nebula answered, but said no (to the session or the request): not an outage. */
    private static boolean isRefusal(Throwable failure) {
        return failure instanceof ApiException
                || failure instanceof NebulaException n && n.isRejected() && !NebulaFailures.sessionEnded(n);
    }

    private void noteOutcome(Throwable e) {
        if (e == null) {
            failingSince = null;
        } else if (!isRefusal(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e)) {
            Instant now = Instant.now();
            if (failingSince() == null) {
                failingSince = now; // a new outage, not the tail of one long forgotten
            }
            lastFailureAt = now;
        }
    }

    private synchronized CompletableFuture<Stamped<T>> join(Supplier<CompletionStage<T>> refresh) {
        if (running != null) {
            return running;
        }
        Instant startedAt = Instant.now();
        CompletableFuture<Stamped<T>> f;
        try {
            // the outage bookkeeping happens before f completes, so whoever waits on f sees it done
            f = refresh.get().toCompletableFuture().whenComplete((v, e) -> noteOutcome(e))
                    .thenApply(v -> new Stamped<>(v, startedAt));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        running = f;
        f.whenComplete((v, e) -> {
            synchronized (this) {
                if (running == f) {
                    running = null;
                }
            }
            if (v != null) {
                Stamped<T> current = last;
                if (current == null || !current.asOf().isAfter(v.asOf())) {
                    last = v;
                }
            }
        });
        return f;
    }
}
