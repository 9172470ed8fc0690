package dev.nebula.catalog.search.modelscope;

import dev.nebula.catalog.outbound.RequestIdHeader;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestQuery;

import java.io.InputStream;
import java.util.Map;

/**
 * ModelScope endpoints as the REST client sees them. Only {@link ModelScopeClient} uses this. Configured as
 * {@code quarkus.rest-client.modelscope.*}; its URL is {@code catalog.hubs.modelscope.endpoint}. Every status is
 * mapped by the client itself (the default exception mapper is off), bodies are read with a cap.
 */
@RegisterRestClient(configKey = "modelscope")
@RegisterProvider(RequestIdHeader.class)
@RegisterProvider(ModelScopeHeaders.class)
@Path("")
interface ModelScopeApi {

    /** Official OpenAPI search: page-based, snake_case, with a total. */
    @GET
    @Path("/openapi/v1/models")
    Uni<RestResponse<InputStream>> openapiModels(@RestQuery MultivaluedMap<String, String> query);

    /** The web UI's search. PUT with a JSON body — GET answers 404. */
    @PUT
    @Path("/api/v1/dolphin/models")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<RestResponse<InputStream>> dolphinModels(Map<String, Object> body);

    @GET
    @Path("/api/v1/models/{owner}/{name}")
    Uni<RestResponse<InputStream>> model(@PathParam("owner") String owner, @PathParam("name") String name);

    @GET
    @Path("/api/v1/models/{owner}/{name}/repo/files")
    Uni<RestResponse<InputStream>> files(@PathParam("owner") String owner, @PathParam("name") String name,
                        @QueryParam("Revision") String revision, @QueryParam("Recursive") String recursive);
}
