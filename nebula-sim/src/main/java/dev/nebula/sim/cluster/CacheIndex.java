package dev.nebula.sim.cluster;

import dev.nebula.sim.wire.CacheEntryView;
import dev.nebula.sim.wire.ModelCacheEntry;
import dev.nebula.sim.wire.ModelSpec;
import dev.nebula.sim.wire.NodeDiskStatus;
import dev.nebula.sim.wire.Views.CacheSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cache summary (reference §6.1), cached until the state version changes. The fuzzy match is done through hash
 * indexes instead of entries × specs comparisons, so 1,000 models on 50 nodes stay fast.
 */
final class CacheIndex {
    private final ClusterState state;
    private long builtAtVersion = -1;
    private CacheSummary cached;

    CacheIndex(ClusterState state) {
        this.state = state;
    }

    CacheSummary summary() {
        if (cached == null || builtAtVersion != state.version) {
            cached = build();
            builtAtVersion = state.version;
        }
        return cached;
    }

    private CacheSummary build() {
        Map<String, Set<String>> byLast = new HashMap<>();
        Map<String, Set<String>> byFull = new HashMap<>();
        Map<String, Set<String>> byPrefix = new HashMap<>();
        for (ModelSpec s : state.specs.values()) {
            String name = s.modelName().toLowerCase(Locale.ROOT);
            byLast.computeIfAbsent(CacheLayout.lastSegment(name), k -> new TreeSet<>()).add(s.modelUid());
            byFull.computeIfAbsent(name, k -> new TreeSet<>()).add(s.modelUid());
            for (int i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
                byPrefix.computeIfAbsent(name.substring(0, i), k -> new TreeSet<>()).add(s.modelUid());
            }
        }
        List<NodeDiskStatus> nodes = new ArrayList<>();
        List<CacheEntryView> caches = new ArrayList<>();
        long totalBytes = 0;
        for (SimNode node : state.nodes.values()) {
            if (node.disk != null) {
                nodes.add(node.disk);
            }
            for (ModelCacheEntry e : node.published.values()) {
                caches.add(new CacheEntryView(e, matches(e.modelName(), byLast, byFull, byPrefix)));
                totalBytes += e.sizeBytes();
            }
        }
        return new CacheSummary(caches.size(), totalBytes, nodes, caches);
    }

    /** Union of: equal last segments (covers equal names), spec under entry/, entry under spec/. */
    private static List<String> matches(String entryName, Map<String, Set<String>> byLast,
                                        Map<String, Set<String>> byFull, Map<String, Set<String>> byPrefix) {
        String name = entryName.toLowerCase(Locale.ROOT);
        TreeSet<String> uids = new TreeSet<>(byLast.getOrDefault(CacheLayout.lastSegment(name), Set.of()));
        uids.addAll(byPrefix.getOrDefault(name, Set.of()));
        for (int i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
            uids.addAll(byFull.getOrDefault(name.substring(0, i), Set.of()));
        }
        return List.copyOf(uids);
    }
}
