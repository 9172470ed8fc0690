package dev.nebula.catalog.lifecycle;

import dev.nebula.catalog.lifecycle.LifecycleApi.LifecycleResult;
import dev.nebula.catalog.nebula.ModelUids;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Start, retry and stop a registered model (operator). Runs on worker threads: it waits for Nebula and the database. */
@Path("/api/v2/catalog/models") // the same root as block A's resource: Quarkus REST merges the two
@Produces(MediaType.APPLICATION_JSON)
public class LifecycleResource {

    @Inject
    ModelLifecycle lifecycle;

    @POST
    @Path("/{uid}/start")
    @RolesAllowed("operator")
    public LifecycleResult start(@PathParam("uid") String uid) {
        return lifecycle.start(ModelUids.requireAddressable(uid));
    }

    @POST
    @Path("/{uid}/stop")
    @RolesAllowed("operator")
    public LifecycleResult stop(@PathParam("uid") String uid) {
        return lifecycle.stop(ModelUids.requireAddressable(uid));
    }
}
