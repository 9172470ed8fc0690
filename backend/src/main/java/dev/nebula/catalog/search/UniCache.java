package dev.nebula.catalog.search;

import io.smallrye.mutiny.Uni;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A bounded, time-limited cache of answers that also coalesces: while the first caller's hub call is in flight,
 * identical callers subscribe to the same memoized {@link Uni}, so a burst of identical requests makes one hub
 * call. Failures are not kept; the next caller tries again.
 */
public final class UniCache<K, V> {

    private record Entry<V>(Uni<V> value, long expiresAtNanos) {
    }

    /** Reports whether a lookup was answered from memory (hit) or started a load (miss). */
    public interface Listener {
        void lookup(boolean hit);
    }

    private final long ttlNanos;
    private final Listener listener;
    private final Map<K, Entry<V>> entries;

    public UniCache(Duration ttl, int maxEntries, Listener listener) {
        this.ttlNanos = ttl.toNanos();
        this.listener = listener;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > maxEntries;
            }
        };
    }

    public Uni<V> get(K key, Supplier<Uni<V>> loader) {
        Entry<V> entry;
        boolean hit;
        synchronized (entries) {
            entry = entries.get(key);
            hit = entry != null && entry.expiresAtNanos() - System.nanoTime() > 0;
            if (!hit) {
                Uni<V> shared = Uni.createFrom().<V>deferred(loader::get)
                        .onFailure().invoke(e -> forget(key))
                        .memoize().indefinitely();
                entry = new Entry<>(shared, System.nanoTime() + ttlNanos);
                entries.put(key, entry);
            }
        }
        listener.lookup(hit);
        return entry.value();
    }

    /** Whether {@link #get} would answer {@code key} from memory now (a value or a load in flight), without a load. */
    public boolean holds(K key) {
        synchronized (entries) {
            Entry<V> entry = entries.get(key);
            return entry != null && entry.expiresAtNanos() - System.nanoTime() > 0;
        }
    }

    private void forget(K key) {
        synchronized (entries) {
            entries.remove(key);
        }
    }

    /** Drops everything (tests, configuration changes). */
    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
