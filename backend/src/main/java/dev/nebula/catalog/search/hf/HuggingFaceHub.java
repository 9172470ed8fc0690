package dev.nebula.catalog.search.hf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nebula.catalog.config.CatalogConfig;
import dev.nebula.catalog.search.HubCalls;
import dev.nebula.catalog.search.HubException;
import dev.nebula.catalog.search.HubPage;
import dev.nebula.catalog.search.HubRevision;
import dev.nebula.catalog.search.ModelHub;
import dev.nebula.catalog.search.ModelMetadata;
import dev.nebula.catalog.search.Normalize;
import dev.nebula.catalog.search.Provider;
import dev.nebula.catalog.search.SearchItem;
import dev.nebula.catalog.search.SearchQuery;
import dev.nebula.catalog.web.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hugging Face behind {@link ModelHub}: builds the listing request, walks cursor chains for page numbers. */
@ApplicationScoped
public class HuggingFaceHub implements ModelHub {

    /** Exactly the fields we map; with expand HF returns only these (plus id), which keeps pages small. */
    static final List<String> EXPAND = List.of("downloads", "likes", "lastModified", "createdAt", "pipeline_tag",
            "library_name", "tags", "gated", "private", "usedStorage", "safetensors");

    /**
     * Pages a request may walk past the furthest one known: with the page itself that is at most 5 hub calls per API
     * request. Walking the whole chain to page 100 took 100 calls and 19 s against a slow hub.
     */
    static final int MAX_WALK = 4;

    private static final Provider HF = Provider.HUGGINGFACE;

    /** A list nobody paged through for this long is forgotten: paging it again walks from page 1. */
    static final Duration CHAIN_IDLE = Duration.ofMinutes(30);

    private final HuggingFaceClient client;
    private final CatalogConfig.Hub settings;
    private final CursorChains chains;

    HuggingFaceHub(HuggingFaceClient client, CatalogConfig config) {
        this.client = client;
        this.settings = config.hubs().huggingface();
        this.chains = new CursorChains(config.search().cacheEntries(), CHAIN_IDLE);
    }

    @Override
    public Provider provider() {
        return Provider.HUGGINGFACE;
    }

    @Override
    public Uni<HubPage> search(SearchQuery query) {
        return paramsFor(query, query.page())
                .chain(params -> params == null ? Uni.createFrom().item(new HubPage(List.of(), false, null))
                        : fetch(query, query.page(), params));
    }

    @Override
    public Uni<ModelMetadata> metadata(String modelId) {
        String owner = Normalize.owner(modelId);
        String name = Normalize.name(modelId);
        return HubCalls.within(HF, client.model(owner, name), settings.metadataTimeout()).chain(info -> {
            String sha = Normalize.text(info, "sha");
            Uni<String> card = sha != null && hasReadme(info) ? client.readme(owner, name, sha) : Uni.createFrom().nullItem();
            return card.map(readme -> HuggingFaceMapper.metadata(info, readme, client.endpoint()));
        });
    }

    @Override
    public Uni<HubRevision> latestRevision(String modelId) {
        return client.revision(Normalize.owner(modelId), Normalize.name(modelId))
                .map(info -> new HubRevision(Normalize.text(info, "sha"), Normalize.timestamp(info, "lastModified")));
    }

    /** Request parameters of {@code page}: known from the chain, or learnt by walking forward; null past the end. */
    private Uni<MultivaluedMap<String, String>> paramsFor(SearchQuery query, int page) {
        if (page == 1) {
            return Uni.createFrom().item(firstPage(query));
        }
        MultivaluedMap<String, String> known = chains.get(query.listKey(), page);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        int furthest = chains.furthest(query.listKey());
        if (page - furthest > MAX_WALK) {
            return Uni.createFrom().failure(tooDeep(page, furthest));
        }
        int from = Math.min(furthest, page - 1);
        return paramsFor(query, from).chain(params -> params == null ? Uni.createFrom().nullItem()
                : fetch(query, from, params).chain(ignored -> {
                    // No next link on page `from`: the list ends before `page` (walking on would refetch forever).
                    if (chains.get(query.listKey(), from + 1) == null) {
                        return Uni.createFrom().nullItem();
                    }
                    return from + 1 == page ? Uni.createFrom().item(chains.get(query.listKey(), page))
                            : paramsFor(query, page);
                }));
    }

    private Uni<HubPage> fetch(SearchQuery query, int page, MultivaluedMap<String, String> params) {
        return HubCalls.within(HF, client.models(params), settings.searchTimeout()).map(listing -> {
            if (listing.next() != null) {
                chains.put(query.listKey(), page + 1, listing.next());
            }
            List<SearchItem> items = new ArrayList<>();
            for (JsonNode m : listing.items()) {
                if (m.isObject() && Normalize.text(m, "id") != null) {
                    items.add(HuggingFaceMapper.item(m, client.endpoint()));
                }
            }
            return new HubPage(items, listing.next() != null && !items.isEmpty(), null);
        });
    }

    private MultivaluedMap<String, String> firstPage(SearchQuery query) {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
        if (!query.q().isEmpty()) {
            params.add("search", query.q());
        }
        params.add("sort", switch (query.sort()) {
            case DOWNLOADS -> "downloads";
            case LIKES -> "likes";
            case UPDATED -> "lastModified";
            case TRENDING -> "trendingScore";
        });
        params.add("limit", Integer.toString(query.limit()));
        if (query.task() != null) {
            params.add("pipeline_tag", query.task());
        }
        EXPAND.forEach(field -> params.add("expand[]", field));
        return params;
    }

    private static ApiException tooDeep(int page, int furthest) {
        return new ApiException(400, "page_too_deep", "Hugging Face pages only forward, and page " + page
                + " of this search lies more than " + MAX_WALK + " pages beyond the furthest page seen so far (" + furthest
                + "). Narrow the search (a more specific query or a task) or page forward from page " + furthest + ".",
                Map.of("field", "page", "furthest_page", furthest));
    }

    private static boolean hasReadme(JsonNode info) {
        JsonNode siblings = info.get("siblings");
        if (siblings != null && siblings.isArray()) {
            for (JsonNode f : siblings) {
                if ("README.md".equals(Normalize.text(f, "rfilename"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
