package dev.nebula.catalog.search.hf;

import dev.nebula.catalog.outbound.RequestIdHeader;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestQuery;

import java.io.InputStream;

/**
 * Hugging Face Hub endpoints as the REST client sees them. Only {@link HuggingFaceClient} uses this. Configured as
 * {@code quarkus.rest-client.huggingface.*}; its URL is {@code catalog.hubs.huggingface.endpoint}. Every status is
 * mapped by the client itself (the default exception mapper is off), bodies are read with a cap.
 */
@RegisterRestClient(configKey = "huggingface")
@RegisterProvider(RequestIdHeader.class)
@RegisterProvider(HuggingFaceHeaders.class)
@Path("")
interface HuggingFaceApi {

    /** Search; the parameters are either built by us or taken from a validated {@code Link: rel="next"}. */
    @GET
    @Path("/api/models")
    Uni<RestResponse<InputStream>> models(@RestQuery MultivaluedMap<String, String> query);

    @GET
    @Path("/api/models/{owner}/{name}")
    Uni<RestResponse<InputStream>> model(@PathParam("owner") String owner, @PathParam("name") String name,
                        @QueryParam("blobs") boolean blobs);

    /** Model info with only the fields asked for ({@code expand}), e.g. the default branch's sha and date. */
    @GET
    @Path("/api/models/{owner}/{name}")
    Uni<RestResponse<InputStream>> modelFields(@PathParam("owner") String owner, @PathParam("name") String name,
                                               @QueryParam("expand") java.util.List<String> expand);

    /** The model card at a revision (plain file, not LFS). */
    @GET
    @Path("/{owner}/{name}/raw/{revision}/README.md")
    Uni<RestResponse<InputStream>> readme(@PathParam("owner") String owner, @PathParam("name") String name,
                         @PathParam("revision") String revision);
}
