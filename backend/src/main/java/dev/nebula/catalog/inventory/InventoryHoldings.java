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
 * search never waits for Nebula). A model counts as held when a registered model or a cache copy carries exactly that
 * hub id, whichever hub it came from: the same rule as the import pre-flight, so the badge and the dialog agree (a
 * ModelScope copy of Qwen/Qwen2.5-1.5B-Instruct had no badge on Hugging Face, yet the dialog said its files were on a
 * node). Files Nebula is removing after a delete do not count.
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
                .filter(r -> wanted.contains(r.model_name()) && !"removing".equals(r.state()))
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
