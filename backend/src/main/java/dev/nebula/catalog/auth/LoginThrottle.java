package dev.nebula.catalog.auth;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per client address in a sliding window. Past {@link #MAX_FAILURES} further attempts are refused
 * (429) until the window moves on, and only the first {@link #MAX_AUDITED} failures per window reach the audit
 * table, so a password-guessing loop can neither hammer Nebula nor flood the table.
 */
@ApplicationScoped
public class LoginThrottle {

    static final Duration WINDOW = Duration.ofMinutes(5);
    static final int MAX_FAILURES = 10;
    static final int MAX_AUDITED = 5;
    private static final int MAX_TRACKED_ADDRESSES = 10_000;

    private final ConcurrentHashMap<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    /** Seconds until the address may try again, or 0 when it may try now. */
    public long retryAfterSeconds(String address) {
        Deque<Long> times = failures.get(key(address));
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times);
            if (times.size() < MAX_FAILURES) {
                return 0;
            }
            long oldest = times.peekFirst();
            return Math.max(1, (oldest + WINDOW.toNanos() - System.nanoTime()) / 1_000_000_000L);
        }
    }

    /** Records a failure; true when this failure should still be written to the audit table. */
    public boolean recordFailure(String address) {
        if (failures.size() > MAX_TRACKED_ADDRESSES) {
            failures.clear(); // bounded memory beats perfect memory under an address-spraying attack
        }
        Deque<Long> times = failures.computeIfAbsent(key(address), k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            times.addLast(System.nanoTime());
            return times.size() <= MAX_AUDITED;
        }
    }

    public void recordSuccess(String address) {
        failures.remove(key(address));
    }

    private static void prune(Deque<Long> times) {
        long cutoff = System.nanoTime() - WINDOW.toNanos();
        while (!times.isEmpty() && times.peekFirst() < cutoff) {
            times.removeFirst();
        }
    }

    private static String key(String address) {
        return address == null ? "unknown" : address;
    }
}
