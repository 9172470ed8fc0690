package dev.nebula.catalog.inventory;

import dev.nebula.catalog.search.ClusterHoldings;
import dev.nebula.catalog.search.InCluster;
import dev.nebula.catalog.search.Provider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers search's "is this hub model already in the cluster?" from the last block-A snapshot (memory only, so a
 * search never waits for Nebula). A model counts as held when a registered model or a cache copy of the same
 * source carries exactly that hub id.
 */
@ApplicationScoped
public class InventoryHoldings implements ClusterHoldings {

    @Inject
    InventoryService inventory;

    @Override
    public Map<String, InCluster> holdings(Provider provider, List<String> ids) {
        Set<String> wanted = Set.copyOf(ids);
        Map<String, Set<String>> uids = new HashMap<>();
        Map<String, Set<String>> nodes = new HashMap<>();
        inventory.latestSnapshot().ifPresent(snapshot -> snapshot.rows().stream()
                .filter(r -> provider.wire().equals(r.source()) && wanted.contains(r.model_name()))
                .forEach(r -> {
                    if (r.model_uid() != null) {
                        uids.computeIfAbsent(r.model_name(), k -> new LinkedHashSet<>()).add(r.model_uid());
                    }
                    r.nodes().forEach(n -> nodes.computeIfAbsent(r.model_name(), k -> new LinkedHashSet<>()).add(n.node_id()));
                }));
        Map<String, InCluster> held = new HashMap<>();
        for (String id : wanted) {
            if (uids.containsKey(id) || nodes.containsKey(id)) {
                held.put(id, new InCluster(true, List.copyOf(uids.getOrDefault(id, Set.of())),
                        List.copyOf(nodes.getOrDefault(id, Set.of()))));
            }
        }
        return held;
    }
}
