package dev.nebula.catalog.search;

import dev.nebula.catalog.cache.UniCache;
import dev.nebula.catalog.config.CatalogConfig;
import dev.nebula.catalog.web.ApiException;
import io.smallrye.mutiny.Uni;
import dev.nebula.catalog.outbound.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hub search and model metadata for the API and for other features (import pre-flight). Answers are cached
 * briefly and identical concurrent requests share one hub call; cluster holdings are added per request, never
 * cached, because they change with the cluster rather than with the hub.
 */
@ApplicationScoped
public class SearchService {

    private final CatalogConfig config;
    private final ClusterHoldings holdings;
    private final SearchMetrics metrics;
    private final Blocking waits;
    private final Map<Provider, ModelHub> hubs = new EnumMap<>(Provider.class);
    private final UniCache<SearchQuery, HubPage> pages;
    private final UniCache<String, ModelMetadata> metadata;

    SearchService(CatalogConfig config, Instance<ModelHub> hubBeans, ClusterHoldings holdings,
                  SearchMetrics metrics, Blocking waits) {
        this.config = config;
        this.holdings = holdings;
        this.metrics = metrics;
        this.waits = waits;
        hubBeans.forEach(hub -> hubs.put(hub.provider(), hub));
        this.pages = new UniCache<>(config.search().cacheTtl(), config.search().cacheEntries(),
                hit -> metrics.cache("search", hit));
        this.metadata = new UniCache<>(config.search().metadataTtl(), config.search().cacheEntries(),
                hit -> metrics.cache("metadata", hit));
    }

    /**
     * One result from {@code provider}'s first page, bypassing the caches: the call's outcome lands in
     * {@link HubHealth} like any other. Completes with whether the hub answered; never fails.
     */
    public Uni<Boolean> probe(Provider provider) {
        ModelHub hub = hubs.get(provider);
        if (hub == null || !provider.settings(config).enabled()) {
            return Uni.createFrom().item(false);
        }
        return withinDeadline(provider, hub.search(new SearchQuery(provider, "", null, SearchSort.DOWNLOADS, 1, 1)))
                .map(page -> true)
                .onFailure().recoverWithItem(false);
    }

    /**
     * Whether {@link #search} would be answered from memory (or would join a hub call already in flight): such a request
     * costs the hub nothing, so it need not take from the budgets the replicas share.
     */
    public boolean answersFromCache(SearchQuery requested, String cursor) {
        return pages.holds(resolve(requested, cursor));
    }

    /** The same for {@link #metadataOf}. */
    public boolean metadataFromCache(Provider provider, String modelId) {
        return metadata.holds(provider.wire() + "/" + modelId);
    }

    private static SearchQuery resolve(SearchQuery requested, String cursor) {
        return cursor == null || cursor.isBlank() ? requested : requested.atPage(SearchCursor.page(cursor.trim(), requested));
    }

    /** One page of results; {@code cursor}, when given, overrides {@code query.page()}. */
    public Uni<SearchPage> search(SearchQuery requested, String cursor) {
        long started = System.nanoTime();
        SearchQuery query = resolve(requested, cursor);
        ModelHub hub = hubFor(query.provider());
        return withinDeadline(query.provider(), pages.get(query, () -> hub.search(query)))
                .map(page -> new SearchPage(query.provider().wire(), query.page(), query.limit(),
                        withHoldings(query.provider(), page.items()), page.hasMore(), page.total(),
                        page.hasMore() && query.page() < SearchQuery.MAX_PAGE ? SearchCursor.next(query) : null))
                .invoke(() -> metrics.search(query.provider(), "ok", System.nanoTime() - started))
                .onFailure().invoke(e -> metrics.search(query.provider(),
                        e instanceof ApiException a ? a.code() : "internal_error", System.nanoTime() - started));
    }

    /**
     * Metadata of {@code owner/name}, an id the contract allowed (a path, an import's {@code model_id}); fails with a
     * 404 {@link HubException} when the hub has no such model.
     */
    public Uni<ModelMetadata> metadataOf(Provider provider, String id) {
        ModelHub hub = hubFor(provider);
        return withinDeadline(provider, metadata.get(provider.wire() + "/" + id, () -> hub.metadata(id)));
    }

    /**
     * The default branch's current commit of {@code owner/name} (an import's {@code model_id}, which the contract
     * allowed), in one hub call and never from a cache: for the background check of imported models, which keeps its
     * own record of when it asked.
     */
    public Uni<HubRevision> latestRevision(Provider provider, String id) {
        return withinDeadline(provider, hubFor(provider).latestRevision(id));
    }

    /**
     * Pre-flight for imports: empty when the model does not exist (or is private to us); otherwise revision, exact
     * size, gated/private. Blocks: call it from a worker thread, never from the event loop. Hub trouble (timeouts,
     * rate limits, bad token) is thrown as {@link HubException} so the caller can tell "absent" from "unknown".
     */
    public Optional<ModelMetadata> metadata(Provider provider, String modelId) {
        return waits.await(metadataOf(provider, modelId)
                .map(Optional::of)
                .onFailure(e -> e instanceof HubException h && h.status() == 404).recoverWithItem(Optional.empty()),
                Blocking.Wait.HUB_REQUEST);
    }

    /** The same as {@link #latestRevision}, for blocking callers. */
    public HubRevision latestRevisionNow(Provider provider, String modelId) {
        return waits.await(latestRevision(provider, modelId), Blocking.Wait.HUB_REQUEST);
    }

    /** The same as {@link #probe}, for blocking callers. */
    public boolean probeNow(Provider provider) {
        return waits.await(probe(provider), Blocking.Wait.HUB_REQUEST);
    }

    /** Each search or metadata request has one overall deadline beyond its calls' own budgets. */
    private <T> Uni<T> withinDeadline(Provider provider, Uni<T> request) {
        return HubCalls.within(provider, request, config.search().requestDeadline());
    }

    private ModelHub hubFor(Provider provider) {
        CatalogConfig.Hub settings = provider.settings(config);
        ModelHub hub = hubs.get(provider);
        if (!settings.enabled() || hub == null) {
            throw HubException.disabled(provider);
        }
        return hub;
    }

    private List<SearchItem> withHoldings(Provider provider, List<SearchItem> items) {
        Map<String, InCluster> held = holdings.holdings(provider, items.stream().map(SearchItem::id).toList());
        return items.stream().map(i -> i.withInCluster(held.getOrDefault(i.id(), InCluster.NOT_HELD))).toList();
    }
}
