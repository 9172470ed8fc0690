package dev.nebula.catalog.inventory;

import dev.nebula.catalog.nebula.ModelUids;
import dev.nebula.catalog.inventory.InventoryApi.DeleteImpact;
import dev.nebula.catalog.inventory.InventoryApi.Deleted;
import dev.nebula.catalog.inventory.InventoryApi.Detail;
import dev.nebula.catalog.inventory.InventoryApi.Page;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Block A: every model the cluster holds. Methods return plain values, so they run on worker threads, where
 * waiting for the snapshot and reading sessions and observations from the database is allowed.
 */
@Path("/api/v2/catalog/models")
@Produces(MediaType.APPLICATION_JSON)
public class InventoryResource {

    @Inject
    InventoryService inventory;

    @Inject
    ModelDeletion deletion;

    @Inject
    MeterRegistry metrics;

    @GET
    @RolesAllowed("viewer")
    public Page list(@QueryParam("page") String page, @QueryParam("limit") String limit,
                     @QueryParam("sort") String sort, @QueryParam("order") String order,
                     @QueryParam("state") String state, @QueryParam("source") String source,
                     @QueryParam("q") String q) {
        InventoryQuery query = InventoryQuery.parse(page, limit, sort, order, state, source, q);
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "error";
        try {
            Page result = inventory.list(query);
            outcome = result.stale() ? "stale" : "fresh";
            return result;
        } finally {
            sample.stop(metrics.timer("catalog.inventory.list", "outcome", outcome));
        }
    }

    @GET
    @Path("/{uid}")
    @RolesAllowed("viewer")
    public Detail detail(@PathParam("uid") String uid) {
        return inventory.detail(ModelUids.requireAddressable(uid));
    }

    @GET
    @Path("/{uid}/delete-impact")
    @RolesAllowed("viewer")
    public DeleteImpact deleteImpact(@PathParam("uid") String uid) {
        return deletion.impact(ModelUids.requireAddressable(uid));
    }

    @DELETE
    @Path("/{uid}")
    @RolesAllowed("admin")
    public Deleted delete(@PathParam("uid") String uid) {
        return deletion.delete(ModelUids.requireAddressable(uid));
    }
}
