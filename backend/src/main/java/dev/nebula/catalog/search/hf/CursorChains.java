package dev.nebula.catalog.search.hf;

import dev.nebula.catalog.cache.BoundedCache;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * HF pages only forward, by cursor. To offer page numbers we remember, per result list, the request parameters
 * of every page seen so far; {@code page=N} then starts from the furthest known page. A {@link BoundedCache}: a
 * forgotten chain (too many lists, or one nobody paged for {@code idle}) just means walking again from page 1.
 */
final class CursorChains {

    private final BoundedCache<String, List<MultivaluedMap<String, String>>> chains;

    CursorChains(int maxLists, Duration idle) {
        this.chains = BoundedCache.expiringWhenIdle(maxLists, idle);
    }

    /** Parameters that fetch {@code page} (2 and up) of list {@code key}, or null if not known yet. */
    synchronized MultivaluedMap<String, String> get(String key, int page) {
        List<MultivaluedMap<String, String>> chain = chains.getIfPresent(key);
        int index = page - 2;
        return chain == null || index < 0 || index >= chain.size() ? null : chain.get(index);
    }

    /** The highest page number whose parameters are known (1 when only the first page is). */
    synchronized int furthest(String key) {
        List<MultivaluedMap<String, String>> chain = chains.getIfPresent(key);
        return chain == null ? 1 : chain.size() + 1;
    }

    synchronized void put(String key, int page, MultivaluedMap<String, String> params) {
        List<MultivaluedMap<String, String>> chain = chains.get(key, k -> new ArrayList<>());
        int index = page - 2;
        if (index == chain.size()) {
            chain.add(params);
        } else if (index >= 0 && index < chain.size()) {
            chain.set(index, params);
        }
    }
}
