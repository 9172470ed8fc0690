package dev.nebula.catalog.nebula;

import dev.nebula.catalog.nebula.NebulaDtos.CacheSummary;
import dev.nebula.catalog.nebula.NebulaDtos.CreateModel;
import dev.nebula.catalog.nebula.NebulaDtos.DeleteResult;
import dev.nebula.catalog.nebula.NebulaDtos.Deployment;
import dev.nebula.catalog.nebula.NebulaDtos.DiskAlert;
import dev.nebula.catalog.nebula.NebulaDtos.LoginRequest;
import dev.nebula.catalog.nebula.NebulaDtos.LoginResponse;
import dev.nebula.catalog.nebula.NebulaDtos.ModelDetail;
import dev.nebula.catalog.nebula.NebulaDtos.ModelSpec;
import dev.nebula.catalog.nebula.NebulaDtos.ModelView;
import dev.nebula.catalog.nebula.NebulaDtos.NodeDisk;
import dev.nebula.catalog.nebula.NebulaDtos.Overview;
import dev.nebula.catalog.nebula.NebulaDtos.SessionUser;
import dev.nebula.catalog.outbound.RequestIdHeader;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;

/**
 * Nebula BFF endpoints as the REST client sees them. Only {@link NebulaClient} uses this. Configured as
 * {@code quarkus.rest-client.nebula.*}; its URL is {@code catalog.nebula.url} (application.properties).
 */
@RegisterRestClient(configKey = "nebula")
@RegisterProvider(RequestIdHeader.class)
@RegisterProvider(NebulaResponseMapper.class)
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
interface NebulaApi {

    String AUTH = "Authorization";

    @GET
    @Path("/healthz")
    Uni<Response> healthz();

    @POST
    @Path("/auth/login")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<LoginResponse> login(LoginRequest request);

    @GET
    @Path("/auth/me")
    Uni<SessionUser> me(@HeaderParam(AUTH) String bearer);

    @POST
    @Path("/auth/logout")
    Uni<Response> logout(@HeaderParam(AUTH) String bearer);

    @GET
    @Path("/v2/models")
    Uni<List<ModelView>> models(@HeaderParam(AUTH) String bearer);

    @GET
    @Path("/v2/models/{uid}")
    Uni<ModelDetail> model(@HeaderParam(AUTH) String bearer, @PathParam("uid") String uid);

    @POST
    @Path("/v2/models")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<ModelSpec> create(@HeaderParam(AUTH) String bearer, CreateModel request);

    @DELETE
    @Path("/v2/models/{uid}")
    Uni<DeleteResult> delete(@HeaderParam(AUTH) String bearer, @PathParam("uid") String uid);

    /** Start needs a JSON body ({} at least); without one Nebula answers 415. */
    @POST
    @Path("/v2/models/{uid}/start")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Deployment> start(@HeaderParam(AUTH) String bearer, @PathParam("uid") String uid, Map<String, Object> body);

    /** Stop reads no body. */
    @POST
    @Path("/v2/models/{uid}/stop")
    Uni<Deployment> stop(@HeaderParam(AUTH) String bearer, @PathParam("uid") String uid);

    @GET
    @Path("/v2/alerts")
    Uni<List<DiskAlert>> alerts(@HeaderParam(AUTH) String bearer);

    @GET
    @Path("/v2/cache/summary")
    Uni<CacheSummary> cacheSummary(@HeaderParam(AUTH) String bearer);

    @GET
    @Path("/v2/nodes/{node}/disk")
    Uni<NodeDisk> nodeDisk(@HeaderParam(AUTH) String bearer, @PathParam("node") String node);

    @GET
    @Path("/overview")
    Uni<Overview> overview(@HeaderParam(AUTH) String bearer);
}
