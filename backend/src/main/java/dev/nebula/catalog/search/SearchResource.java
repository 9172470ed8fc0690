package dev.nebula.catalog.search;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** Hub search and model metadata for the page. Parameters are validated here; nothing here builds a URL. */
@Path("/api/v2/catalog/search")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
public class SearchResource {

    @Inject
    SearchService search;

    @Inject
    HubQuota quota;

    @GET
    public Uni<SearchPage> search(@QueryParam("provider") String provider, @QueryParam("q") String q,
                                  @QueryParam("task") String task, @QueryParam("sort") String sort,
                                  @QueryParam("page") String page, @QueryParam("limit") String limit,
                                  @QueryParam("cursor") String cursor, @Context HttpServerRequest request) {
        SearchQuery query = SearchRequestLimits.query(provider, q, task, sort, page, limit);
        quota.take(request);
        if (search.answersFromCache(query, cursor)) {
            return search.search(query, cursor); // no database round trip on the cached path
        }
        return quota.takeShared(request).chain(() -> search.search(query, cursor));
    }

    @GET
    @Path("/{provider}/{owner}/{name}")
    public Uni<ModelMetadata> metadata(@PathParam("provider") String provider, @PathParam("owner") String owner,
                                       @PathParam("name") String name, @Context HttpServerRequest request) {
        Provider hub = Provider.parse(provider, "provider");
        String id = SearchRequestLimits.modelId(owner, name);
        quota.take(request);
        if (search.metadataFromCache(hub, id)) {
            return search.metadataOf(hub, id);
        }
        return quota.takeShared(request).chain(() -> search.metadataOf(hub, id));
    }
}
