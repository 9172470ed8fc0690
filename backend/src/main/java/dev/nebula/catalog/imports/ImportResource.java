package dev.nebula.catalog.imports;

import dev.nebula.catalog.search.HubQuota;
import dev.nebula.catalog.search.Provider;
import dev.nebula.catalog.search.SearchService;
import dev.nebula.catalog.web.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** Import a hub model into the cluster: pre-flight, create, and read an import back. */
@Path("/api/v2/catalog")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    @Inject
    ImportValidation validation;

    @Inject
    Preflights preflights;

    @Inject
    ImportService imports;

    @Inject
    HubQuota quota;

    @Inject
    SearchService search;

    @POST
    @Path("/import/preflight")
    @RolesAllowed("operator")
    @Consumes(MediaType.APPLICATION_JSON)
    public ImportApi.Preflight preflight(ImportApi.ImportRequest request, @Context HttpServerRequest http) {
        ImportApi.ImportRequest valid = validation.validate(request);
        quota.take(http);
        if (!search.metadataFromCache(Provider.parse(valid.provider(), "provider"), valid.model_id())) {
            quota.takeSharedBlocking(http); // the pre-flight will ask the hub
        }
        return preflights.preflight(valid);
    }

    /** Checked while the operator types: against the models Nebula holds and the imports in flight, never a hub. */
    @GET
    @Path("/import/uid-check")
    @RolesAllowed("operator")
    public ImportApi.UidCheck checkUid(@jakarta.ws.rs.QueryParam("model_uid") String uid) {
        if (uid == null || !dev.nebula.catalog.nebula.ModelUids.valid(uid)) {
            throw ApiException.badRequest("model_uid", "model_uid must match ^[a-z0-9][a-z0-9-]*$ and be at most 63 characters");
        }
        return preflights.checkUid(uid);
    }

    @POST
    @Path("/import")
    @RolesAllowed("operator")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response importModel(ImportApi.ImportRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        validation.checkIdempotencyKey(idempotencyKey);
        ImportApi.ImportRequest valid = validation.validate(request);
        ImportService.Outcome outcome = imports.importModel(valid, idempotencyKey);
        return Response.status(201).entity(outcome.result())
                .header("Idempotency-Replayed", Boolean.toString(outcome.replayed())).build();
    }

    @GET
    @Path("/imports/{id}")
    @RolesAllowed("viewer")
    public ImportApi.ImportResult get(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("id", "id must be an import id (UUID)");
        }
        ImportRecord record = QuarkusTransaction.requiringNew().call(() -> ImportRecord.<ImportRecord>findById(uuid));
        if (record == null) {
            throw ApiException.notFound("No import with id " + id);
        }
        return ImportRecords.toApi(record);
    }
}
