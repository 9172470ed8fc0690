package dev.nebula.catalog.cache;

import io.smallrye.mutiny.Uni;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A {@link BoundedCache} of answers that also coalesces: it holds memoized {@link Uni}s, so while the first caller's
 * upstream call is in flight, identical callers subscribe to the same one and a burst of identical requests makes one
 * upstream call. An entry's time bound starts when its load starts. Failures are not kept: the next caller tries again.
 */
public final class UniCache<K, V> {

    /** Reports whether a lookup was answered from memory (hit) or started a load (miss). */
    public interface Listener {
        void lookup(boolean hit);
    }

    private final BoundedCache<K, Uni<V>> entries;
    private final Listener listener;

    public UniCache(Duration ttl, int maxEntries, Listener listener) {
        this.entries = BoundedCache.expiringAfterWrite(maxEntries, ttl);
        this.listener = listener;
    }

    public Uni<V> get(K key, Supplier<Uni<V>> loader) {
        AtomicBoolean loaded = new AtomicBoolean();
        Uni<V> shared = entries.get(key, k -> {
            loaded.set(true);
            return memoized(k, loader);
        });
        listener.lookup(!loaded.get());
        return shared;
    }

    /** Whether {@link #get} would answer {@code key} from memory now (a value or a load in flight), without a load. */
    public boolean holds(K key) {
        return entries.getIfPresent(key) != null;
    }

    /** Drops everything (tests, configuration changes). */
    public void clear() {
        entries.invalidateAll();
    }

    private Uni<V> memoized(K key, Supplier<Uni<V>> loader) {
        AtomicReference<Uni<V>> self = new AtomicReference<>();
        Uni<V> shared = Uni.createFrom().<V>deferred(loader::get)
                .onFailure().invoke(e -> entries.remove(key, self.get()))
                .memoize().indefinitely();
        self.set(shared);
        return shared;
    }
}
