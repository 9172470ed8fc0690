package dev.nebula.catalog.inventory;

import dev.nebula.catalog.cache.BoundedCache;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Download speed from successive (time, bytes) samples of one replica, because Nebula's own speed is always 0.
 * Times are the record's {@code updated_at_ms} (Nebula's clock), so polling faster than Nebula writes adds no
 * noise. The speed is exponentially smoothed so that one slow scan does not make the ETA jump.
 */
@ApplicationScoped
public class DownloadSamples {

    static final double ALPHA = 0.4;
    static final int KEEP = 5;
    /** Forget a replica that has not been seen for this long (its record is long gone). */
    static final Duration FORGET_AFTER = Duration.ofMinutes(10);
    /** Replicas downloading at once across the cluster, with room to spare. */
    static final int MAX_TRACKS = 10_000;

    record Sample(long atMs, long bytes) {
    }

    private static final class Track {
        final Deque<Sample> samples = new ArrayDeque<>();
        Double smoothed;
    }

    private final BoundedCache<String, Track> tracks = BoundedCache.expiringWhenIdle(MAX_TRACKS, FORGET_AFTER);

    /** Adds a sample and returns the smoothed speed in bytes/s, or null while fewer than two samples exist. */
    public Double record(String uid, long replicaId, long atMs, long bytes) {
        Track t = tracks.get(uid + "#" + replicaId, k -> new Track());
        synchronized (t) {
            Sample last = t.samples.peekLast();
            if (last != null && (atMs <= last.atMs() || bytes < last.bytes())) {
                if (bytes < last.bytes()) {
                    // A restarted download (e.g. Nebula's HF→ModelScope fallback): start over.
                    t.samples.clear();
                    t.smoothed = null;
                    t.samples.addLast(new Sample(atMs, bytes));
                }
                return t.smoothed;
            }
            t.samples.addLast(new Sample(atMs, bytes));
            while (t.samples.size() > KEEP) {
                t.samples.removeFirst();
            }
            if (last != null) {
                double instant = (bytes - last.bytes()) * 1000.0 / (atMs - last.atMs());
                t.smoothed = t.smoothed == null ? instant : ALPHA * instant + (1 - ALPHA) * t.smoothed;
            }
            return t.smoothed;
        }
    }

    /** The last bytes seen for a replica (terminal records zero their counters, so this is what was reached). */
    public Long lastBytes(String uid, long replicaId) {
        Track t = tracks.getIfPresent(uid + "#" + replicaId);
        if (t == null) {
            return null;
        }
        synchronized (t) {
            Sample s = t.samples.peekLast();
            return s == null ? null : s.bytes();
        }
    }
}
