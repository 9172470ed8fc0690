package dev.nebula.catalog.imports;

import dev.nebula.catalog.search.HubQuota;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** Several imports in one dialog: their pre-flights, then the imports (operator). */
@Path("/api/v2/catalog") // the same root as ImportResource: Quarkus REST merges the two
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BatchImportResource {

    @Inject
    BatchImports batches;

    @Inject
    HubQuota quota;

    @POST
    @Path("/import/preflight/batch")
    @RolesAllowed("operator")
    public ImportApi.BatchPreflight preflight(ImportApi.BatchPreflightRequest body, @Context HttpServerRequest http) {
        java.util.List<ImportApi.ImportRequest> items = batches.validate(body);
        for (int i = 0; i < items.size(); i++) {
            quota.take(http); // each item may reach a hub, like one pre-flight
        }
        return batches.preflight(items);
    }

    @POST
    @Path("/import/batch")
    @RolesAllowed("operator")
    public ImportApi.BatchImport importAll(ImportApi.BatchImportRequest body) {
        return batches.importAll(body);
    }
}
