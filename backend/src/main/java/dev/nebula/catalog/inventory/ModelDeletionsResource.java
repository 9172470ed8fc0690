package dev.nebula.catalog.inventory;

import dev.nebula.catalog.inventory.InventoryApi.BatchDeleteImpact;
import dev.nebula.catalog.inventory.InventoryApi.BatchDeleteRequest;
import dev.nebula.catalog.inventory.InventoryApi.BatchDeleteResult;
import dev.nebula.catalog.inventory.InventoryApi.ModelUidList;
import dev.nebula.catalog.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Deleting several models at once: the combined impact (viewer) and the confirmed deletion (admin). */
@Path("/api/v2/catalog/model-deletions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ModelDeletionsResource {

    @Inject
    BatchDeletion batches;

    @POST
    @Path("/impact")
    @RolesAllowed("viewer")
    public BatchDeleteImpact impact(ModelUidList body) {
        if (body == null) {
            throw ApiException.badRequest("body", "a JSON body is required");
        }
        return batches.impact(body.model_uids());
    }

    @POST
    @RolesAllowed("admin")
    public BatchDeleteResult delete(BatchDeleteRequest body) {
        return batches.delete(body);
    }
}
