package dev.nebula.catalog.inventory;

import dev.nebula.catalog.nebula.NebulaException;
import dev.nebula.catalog.nebula.NebulaRejection;
import dev.nebula.catalog.web.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotHolderTest {

    static final NebulaException DOWN = new NebulaException(NebulaException.Kind.UNREACHABLE, 0, "unreachable", "down", null);

    static Supplier<CompletionStage<String>> failing() {
        return () -> CompletableFuture.failedFuture(DOWN);
    }

    static Supplier<CompletionStage<String>> value(String v) {
        return () -> CompletableFuture.completedFuture(v);
    }

    /** A holder that asks Nebula on every call (no freshness, no background revalidation). */
    static SnapshotHolder<String> uncached(Duration slowAfter, Duration firstWait) {
        return new SnapshotHolder<>(Duration.ZERO, Duration.ZERO, slowAfter, firstWait);
    }

    @Test
    void answers503OnlyWhenThereHasNeverBeenASnapshot() {
        SnapshotHolder<String> holder = uncached(Duration.ofMillis(100), Duration.ofMillis(200));
        ApiException e = assertThrows(ApiException.class, () -> holder.get(failing()));
        assertEquals(503, e.status());
        assertEquals("nebula_unavailable", e.code());
        assertEquals("one", holder.get(value("one")).value());
        SnapshotHolder.Served<String> stale = holder.get(failing());
        assertTrue(stale.stale());
        assertEquals("one", stale.value());
    }

    @Test
    void answersFromTheSnapshotWhenTheRefreshIsSlow() {
        SnapshotHolder<String> holder = uncached(Duration.ofMillis(50), Duration.ofSeconds(1));
        holder.get(value("one"));
        CompletableFuture<String> never = new CompletableFuture<>();
        SnapshotHolder.Served<String> served = holder.get(() -> never);
        assertTrue(served.stale());
        never.complete("two");
        SnapshotHolder.Served<String> next = holder.get(value("three"));
        assertFalse(next.stale());
    }

    @Test
    void waitsForTheFirstSnapshotAndTimesOutWith503() {
        SnapshotHolder<String> holder = uncached(Duration.ofMillis(10), Duration.ofMillis(100));
        ApiException e = assertThrows(ApiException.class, () -> holder.get(CompletableFuture::new));
        assertEquals(503, e.status());
    }

    @Test
    void coalescesConcurrentRefreshesAndServesFreshSnapshots() throws Exception {
        SnapshotHolder<String> holder = new SnapshotHolder<>(Duration.ofSeconds(5), Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        AtomicInteger calls = new AtomicInteger();
        CompletableFuture<String> slow = new CompletableFuture<>();
        Supplier<CompletionStage<String>> refresh = () -> {
            calls.incrementAndGet();
            return slow;
        };
        FutureTask<SnapshotHolder.Served<String>> a = new FutureTask<>(() -> holder.get(refresh));
        FutureTask<SnapshotHolder.Served<String>> b = new FutureTask<>(() -> holder.get(refresh));
        Thread callerA = new Thread(a);
        Thread callerB = new Thread(b);
        callerA.start();
        callerB.start();
        // both callers are waiting (bounded) for the refresh in flight before it completes
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                .until(() -> waiting(callerA) && waiting(callerB));
        slow.complete("v");
        assertEquals("v", a.get().value());
        assertEquals("v", b.get().value());
        assertEquals("v", holder.get(refresh).value());
        assertEquals(1, calls.get());
    }

    private static boolean waiting(Thread t) {
        return t.getState() == Thread.State.TIMED_WAITING;
    }

    @Test
    void passesOnNebulasRefusalOfTheRequestButNotAnEndedSession() {
        SnapshotHolder<String> holder = uncached(Duration.ofMillis(100), Duration.ofMillis(100));
        holder.get(value("one"));
        ApiException e = assertThrows(ApiException.class, () -> holder.get(
                () -> CompletableFuture.failedFuture(new NebulaRejection(403, "forbidden", "insufficient permissions"))));
        assertEquals(403, e.status());
        // every identity the refresh tried had ended: no caller's own fault, so it reads as an outage
        SnapshotHolder.Served<String> served = holder.get(
                () -> CompletableFuture.failedFuture(new NebulaRejection(401, "unauthorized", "invalid or expired token")));
        assertEquals("one", served.value());
        assertTrue(served.stale());
    }

    @Test
    void servesAYoungSnapshotAtOnceAndRefreshesItInTheBackground() {
        SnapshotHolder<String> holder = new SnapshotHolder<>(Duration.ZERO, Duration.ofMinutes(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        holder.get(value("one"));
        CompletableFuture<String> slow = new CompletableFuture<>();
        SnapshotHolder.Served<String> served = holder.get(() -> slow);
        assertEquals("one", served.value(), "served without waiting for the refresh");
        assertFalse(served.stale());
        slow.complete("two");
        assertEquals("two", holder.get(CompletableFuture::new).value(), "the background refresh is served next");
    }

    @Test
    void aYoungSnapshotIsNotServedAfterAWriteInvalidatedIt() {
        SnapshotHolder<String> holder = new SnapshotHolder<>(Duration.ZERO, Duration.ofMinutes(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        holder.get(value("one"));
        holder.invalidate();
        assertEquals("two", holder.get(value("two")).value(), "the caller waited for the refresh after the write");
    }
}
