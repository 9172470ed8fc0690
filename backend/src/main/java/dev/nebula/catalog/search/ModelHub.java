package dev.nebula.catalog.search;

import io.smallrye.mutiny.Uni;

/**
 * One hub as search sees it: normalised pages and metadata, failures as {@link HubException}. Implementations
 * live in the hub's own package and own their HTTP client, fault tolerance and time budget.
 */
public interface ModelHub {

    Provider provider();

    /** The page {@code query.page()} of the hub's results; items come without cluster holdings. */
    Uni<HubPage> search(SearchQuery query);

    /** Metadata of {@code owner/name}; fails with a 404 {@link HubException} when the hub has no such model. */
    Uni<ModelMetadata> metadata(String modelId);

    /**
     * The default branch's current commit, in one hub call without a retry (background checks count their calls);
     * fails with a 404 {@link HubException} when the hub has no such model.
     */
    Uni<HubRevision> latestRevision(String modelId);
}
