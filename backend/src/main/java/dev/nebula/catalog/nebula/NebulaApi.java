package dev.nebula.catalog.nebula;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Nebula BFF endpoints as the REST client sees them. Only {@link NebulaClient} uses this. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
interface NebulaApi {

    @GET
    @Path("/healthz")
    Uni<Response> healthz();
}
