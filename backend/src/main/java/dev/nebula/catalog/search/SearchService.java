package dev.nebula.catalog.search;

import dev.nebula.catalog.config.CatalogConfig;
import dev.nebula.catalog.web.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Duration;
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

    @Inject
    CatalogConfig config;

    @Inject
    Instance<ModelHub> hubBeans;

    @Inject
    ClusterHoldings holdings;

    @Inject
    SearchMetrics metrics;

    private final Map<Provider, ModelHub> hubs = new EnumMap<>(Provider.class);
    private UniCache<SearchQuery, HubPage> pages;
    private UniCache<String, ModelMetadata> metadata;

    @PostConstruct
    void init() {
        hubBeans.forEach(hub -> hubs.put(hub.provider(), hub));
        pages = new UniCache<>(config.search().cacheTtl(), config.search().cacheEntries(), hit -> metrics.cache("search", hit));
        metadata = new UniCache<>(config.search().metadataTtl(), config.search().cacheEntries(),
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
        Duration deadline = config.search().requestDeadline();
        return hub.search(new SearchQuery(provider, "", null, SearchSort.DOWNLOADS, 1, 1))
                .ifNoItem().after(deadline).failWith(() -> HubException.timeout(provider, deadline))
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
        Duration deadline = config.search().requestDeadline();
        return pages.get(query, () -> hub.search(query))
                .ifNoItem().after(deadline).failWith(() -> HubException.timeout(query.provider(), deadline))
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
        Duration deadline = config.search().requestDeadline();
        return metadata.get(provider.wire() + "/" + id, () -> hub.metadata(id))
                .ifNoItem().after(deadline).failWith(() -> HubException.timeout(provider, deadline));
    }

    /**
     * The default branch's current commit of {@code owner/name} (an id an import's {@code model_id} may be), in one hub call and never from a cache: for the
     * background check of imported models, which keeps its own record of when it asked.
     */
    public Uni<HubRevision> latestRevision(Provider provider, String id) {
        ModelHub hub = hubFor(provider);
        Duration deadline = config.search().requestDeadline();
        return hub.latestRevision(id).ifNoItem().after(deadline).failWith(() -> HubException.timeout(provider, deadline));
    }

    /**
     * Pre-flight for imports: empty when the model does not exist (or is private to us); otherwise revision, exact
     * size, gated/private. Blocks: call it from a worker thread, never from the event loop. Hub trouble (timeouts,
     * rate limits, bad token) is thrown as {@link HubException} so the caller can tell "absent" from "unknown".
     */
    public Optional<ModelMetadata> metadata(Provider provider, String modelId) {
        Duration budget = provider.settings(config).metadataTimeout();
        return metadataOf(provider, modelId)
                .ifNoItem().after(budget.multipliedBy(2)).failWith(() -> HubException.timeout(provider, budget))
                .map(Optional::of)
                .onFailure(e -> e instanceof HubException h && h.status() == 404).recoverWithItem(Optional.empty())
                .await().indefinitely();
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
