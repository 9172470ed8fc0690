package dev.nebula.catalog.nodes;

import dev.nebula.catalog.api.NodesEndpoints;
import dev.nebula.catalog.inventory.InventoryService;
import dev.nebula.catalog.nodes.NodesApi.CachedCopy;
import dev.nebula.catalog.nodes.NodesApi.ClusterNodes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Comparator;

/**
 * The cache manager: the cluster node by node, from block A's snapshot. Plain return values, so it runs on a worker
 * thread, where waiting for the snapshot is allowed.
 */
public class NodesResource implements NodesEndpoints {

    @Inject
    InventoryService inventory;

    @Inject
    NodeViews views;

    @Override
    @RolesAllowed("viewer")
    public ClusterNodes listClusterNodes(String requestId, String sort, String order) {
        return views.build(inventory.cluster(), order(sort, "desc".equals(order)));
    }

    /**
     * Copies without the value (never seen serving) come first ascending and last descending: "least recently used
     * first" puts what was never used at the top. Ties by path, so the order is stable between refreshes.
     */
    static Comparator<CachedCopy> order(String sort, boolean descending) {
        Comparator<CachedCopy> byPath = Comparator.comparing(CachedCopy::cache_path);
        Comparator<CachedCopy> primary = switch (sort) {
            case "size" -> Comparator.comparingLong(CachedCopy::size_bytes);
            case "name" -> Comparator.comparing(CachedCopy::model_name, String.CASE_INSENSITIVE_ORDER);
            default -> Comparator.comparing((CachedCopy c) -> c.last_used() == null ? null : Instant.parse(c.last_used()),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
        };
        return (descending ? primary.reversed() : primary).thenComparing(byPath);
    }
}
