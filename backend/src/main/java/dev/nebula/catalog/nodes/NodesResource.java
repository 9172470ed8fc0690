package dev.nebula.catalog.nodes;

import dev.nebula.catalog.inventory.InventoryService;
import dev.nebula.catalog.nodes.NodesApi.CachedCopy;
import dev.nebula.catalog.nodes.NodesApi.ClusterNodes;
import dev.nebula.catalog.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The cache manager: the cluster node by node, from block A's snapshot. Plain return values, so it runs on a worker
 * thread, where waiting for the snapshot is allowed.
 */
@Path("/api/v2/catalog/nodes")
@Produces(MediaType.APPLICATION_JSON)
public class NodesResource {

    private static final List<String> SORTS = List.of("last_used", "size", "name");

    @Inject
    InventoryService inventory;

    @Inject
    NodeViews views;

    @GET
    @RolesAllowed("viewer")
    public ClusterNodes list(@QueryParam("sort") String sort, @QueryParam("order") String order) {
        String by = sort == null ? "last_used" : sort;
        if (!SORTS.contains(by)) {
            throw ApiException.badRequest("sort", "sort must be one of " + SORTS);
        }
        if (order != null && !order.equals("asc") && !order.equals("desc")) {
            throw ApiException.badRequest("order", "order must be asc or desc");
        }
        return views.build(inventory.cluster(), order(by, "desc".equals(order)));
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
