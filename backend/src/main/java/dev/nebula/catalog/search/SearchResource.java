package dev.nebula.catalog.search;

import dev.nebula.catalog.api.SearchEndpoints;
import dev.nebula.catalog.api.model.ProviderParam;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import java.util.Locale;

/**
 * Hub search and model metadata for the page. Runs on the event loop: cached answers cost no worker thread. Nothing
 * here builds a URL.
 */
@RolesAllowed("viewer")
public class SearchResource implements SearchEndpoints {

    @Inject
    SearchService search;

    @Inject
    HubQuota quota;

    @Inject
    CurrentVertxRequest http;

    @Override
    public Uni<SearchPage> searchHub(ProviderParam provider, String requestId, String q, String task, String sort,
                                     Integer page, Integer limit, String cursor) {
        SearchQuery query = new SearchQuery(Provider.of(provider), q == null ? "" : q.strip(), task,
                SearchSort.valueOf(sort.toUpperCase(Locale.ROOT)), page, limit);
        quota.take(http.getCurrent().request());
        if (search.answersFromCache(query, cursor)) {
            return search.search(query, cursor); // no database round trip on the cached path
        }
        return quota.takeShared(http.getCurrent().request()).chain(() -> search.search(query, cursor));
    }

    @Override
    public Uni<ModelMetadata> getHubModel(ProviderParam provider, String owner, String name, String requestId) {
        Provider hub = Provider.of(provider);
        String id = owner + "/" + name;
        quota.take(http.getCurrent().request());
        if (search.metadataFromCache(hub, id)) {
            return search.metadataOf(hub, id);
        }
        return quota.takeShared(http.getCurrent().request()).chain(() -> search.metadataOf(hub, id));
    }
}
