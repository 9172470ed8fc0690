package dev.nebula.catalog.search;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Hub search and model metadata for the page. Parameters are validated here; nothing here builds a URL. */
@Path("/api/v2/catalog/search")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
public class SearchResource {

    @Inject
    SearchService search;

    @GET
    public Uni<SearchPage> search(@QueryParam("provider") String provider, @QueryParam("q") String q,
                                  @QueryParam("task") String task, @QueryParam("sort") String sort,
                                  @QueryParam("page") String page, @QueryParam("limit") String limit,
                                  @QueryParam("cursor") String cursor) {
        return search.search(SearchRequestLimits.query(provider, q, task, sort, page, limit), cursor);
    }

    @GET
    @Path("/{provider}/{owner}/{name}")
    public Uni<ModelMetadata> metadata(@PathParam("provider") String provider, @PathParam("owner") String owner,
                                       @PathParam("name") String name) {
        return search.metadataOf(Provider.parse(provider, "provider"), SearchRequestLimits.modelId(owner, name));
    }
}
