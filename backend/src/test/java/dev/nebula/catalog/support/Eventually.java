package dev.nebula.catalog.support;

import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Waiting for what the service does off the request thread (audit rows, notices, a refresh in flight): polls with
 * Awaitility instead of sleeping, and hands back the last value it read either way, so that the test's own assertion
 * says what was wrong rather than a timeout.
 */
public final class Eventually {

    private static final Duration POLL = Duration.ofMillis(50);

    private Eventually() {
    }

    /** {@code read} until its value is {@code done}, at most {@code patience}; the last value read. */
    public static <T> T value(Duration patience, Callable<T> read, Predicate<T> done) {
        AtomicReference<T> last = new AtomicReference<>();
        try {
            await().atMost(patience).pollDelay(Duration.ZERO).pollInterval(POLL).until(() -> {
                T value = read.call();
                last.set(value);
                return done.test(value);
            });
        } catch (ConditionTimeoutException e) {
            // the caller asserts on the last value
        }
        return last.get();
    }

    /** Whether {@code condition} came to hold within {@code patience}. */
    public static boolean holds(Duration patience, BooleanSupplier condition) {
        return Boolean.TRUE.equals(value(patience, condition::getAsBoolean, Boolean::booleanValue));
    }
}
