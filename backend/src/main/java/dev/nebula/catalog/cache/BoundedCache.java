package dev.nebula.catalog.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The one cache primitive of the service: an in-memory map that cannot grow without bound, because every instance
 * has both a size bound and a time bound (Caffeine underneath). Every cache in the code is one of these, so "how big
 * can it get, and how old can an entry be" is answered where the cache is made. Safe for concurrent use; a load runs
 * at most once per key at a time.
 */
public final class BoundedCache<K, V> {

    private final Cache<K, V> entries;

    private BoundedCache(int maxEntries, Duration ttl, boolean idle) {
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(maxEntries)
                // housekeeping on the calling thread: no pool threads, and evictions are done when a call returns
                .executor(Runnable::run);
        this.entries = (idle ? builder.expireAfterAccess(ttl) : builder.expireAfterWrite(ttl)).build();
    }

    /** Entries live {@code ttl} from when they were stored, whatever reads them meanwhile. */
    public static <K, V> BoundedCache<K, V> expiringAfterWrite(int maxEntries, Duration ttl) {
        return new BoundedCache<>(maxEntries, ttl, false);
    }

    /** Entries live until nobody has read or written them for {@code idle}. */
    public static <K, V> BoundedCache<K, V> expiringWhenIdle(int maxEntries, Duration idle) {
        return new BoundedCache<>(maxEntries, idle, true);
    }

    /** The value for {@code key}, loaded (once, whoever else asks meanwhile) when absent; a null load stores nothing. */
    public V get(K key, Function<? super K, ? extends V> load) {
        return entries.get(key, load);
    }

    /** The value for {@code key}, or null; never loads. */
    public V getIfPresent(K key) {
        return entries.getIfPresent(key);
    }

    public void put(K key, V value) {
        entries.put(key, value);
    }

    /** Removes {@code key} only while it still maps to {@code value} (a newer value stays). */
    public boolean remove(K key, V value) {
        return entries.asMap().remove(key, value);
    }

    public void invalidate(K key) {
        entries.invalidate(key);
    }

    public void invalidateAll() {
        entries.invalidateAll();
    }

    /** Rewrites every entry in place (its time bound starts again). */
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> change) {
        entries.asMap().replaceAll(change);
    }

    /** Entries held now (expired ones may count until the next housekeeping). */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
