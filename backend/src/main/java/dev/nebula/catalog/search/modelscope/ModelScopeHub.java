package dev.nebula.catalog.search.modelscope;

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
import dev.nebula.catalog.search.SearchSort;
import dev.nebula.catalog.web.ApiException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.CompositeException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * ModelScope behind {@link ModelHub}. Search uses the configured surface (OpenAPI by default) and falls back to the
 * other when the first one is broken (garbage, 5xx, refusal) — not when it is slow or rate-limiting, since the
 * budget or the quota is then spent anyway. Metadata always uses the legacy detail + file list (revision, files).
 */
@ApplicationScoped
public class ModelScopeHub implements ModelHub {

    /** The OpenAPI serves at most this many results of one query (page_number × page_size). */
    static final int OPENAPI_MAX_RESULTS = 3000;

    private static final Provider MS = Provider.MODELSCOPE;

    private final ModelScopeClient client;
    private final CatalogConfig.Hub settings;

    ModelScopeHub(ModelScopeClient client, CatalogConfig config) {
        this.client = client;
        this.settings = config.hubs().modelscope();
    }

    @Override
    public Provider provider() {
        return Provider.MODELSCOPE;
    }

    @Override
    public Uni<HubPage> search(SearchQuery query) {
        if (query.sort() == SearchSort.TRENDING) {
            throw ApiException.badRequest("sort", "ModelScope has no trending order; use downloads, likes or updated.");
        }
        boolean dolphinFirst = "dolphin".equalsIgnoreCase(settings.searchApi());
        Uni<HubPage> primary = dolphinFirst ? dolphin(query) : openapi(query);
        return primary.onFailure(ModelScopeHub::worthFallback).recoverWithUni(e -> {
            Log.warnf("ModelScope %s search failed (%s); trying the %s surface", dolphinFirst ? "dolphin" : "OpenAPI",
                    e.getMessage(), dolphinFirst ? "OpenAPI" : "dolphin");
            return dolphinFirst ? openapi(query) : dolphin(query);
        });
    }

    @Override
    public Uni<ModelMetadata> metadata(String modelId) {
        String owner = Normalize.owner(modelId);
        String name = Normalize.name(modelId);
        Duration budget = settings.metadataTimeout();
        // Both calls usually fail together (a missing model): collect both failures and report the first, instead of
        // failing fast and leaving Mutiny to log the second as a dropped ERROR.
        return Uni.combine().all().unis(HubCalls.within(MS, client.model(owner, name), budget),
                        HubCalls.within(MS, client.files(owner, name), budget))
                .collectFailures().asTuple()
                .onFailure(CompositeException.class).transform(e -> ((CompositeException) e).getCauses().get(0))
                .map(t -> ModelScopeMapper.metadata(t.getItem1(), t.getItem2(), client.endpoint()));
    }

    @Override
    public Uni<HubRevision> latestRevision(String modelId) {
        return client.latestCommit(Normalize.owner(modelId), Normalize.name(modelId))
                .map(commit -> new HubRevision(Normalize.text(commit, "Id"), Normalize.timestamp(commit, "CommittedDate")));
    }

    private Uni<HubPage> openapi(SearchQuery query) {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
        if (!query.q().isEmpty()) {
            params.add("search", query.q());
        }
        params.add("sort", switch (query.sort()) {
            case LIKES -> "likes";
            case UPDATED -> "last_modified";
            default -> "downloads";
        });
        params.add("page_number", Integer.toString(query.page()));
        params.add("page_size", Integer.toString(query.limit()));
        if (query.task() != null) {
            params.add("filter.task", query.task());
        }
        return HubCalls.within(MS, client.openapiSearch(params), settings.searchTimeout())
                .map(data -> page(query, data.get("models"), Normalize.count(data, "total_count"), OPENAPI_MAX_RESULTS,
                        ModelScopeMapper::openapiItem));
    }

    private Uni<HubPage> dolphin(SearchQuery query) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Name", query.q());
        body.put("PageNumber", query.page());
        body.put("PageSize", query.limit());
        body.put("SortBy", switch (query.sort()) {
            case LIKES -> "StarsCount";
            case UPDATED -> "GmtModified";
            default -> "DownloadsCount"; // a wrong key silently returns nothing, so only these four exist here
        });
        body.put("Target", "");
        body.put("Criterion", query.task() == null ? List.of() : List.of(Map.of("category", "tasks",
                "predicate", "contains", "values", List.of(query.task()), "sub_values", List.of())));
        body.put("SingleCriterion", List.of());
        return HubCalls.within(MS, client.dolphinSearch(body), settings.searchTimeout())
                .map(data -> page(query, data.get("Models"), Normalize.count(data, "TotalCount"), Integer.MAX_VALUE,
                        ModelScopeMapper::dolphinItem));
    }

    private HubPage page(SearchQuery query, JsonNode models, Long total, int reachable,
                         BiFunction<JsonNode, String, SearchItem> mapper) {
        List<SearchItem> items = new ArrayList<>();
        if (models != null && models.isArray()) {
            for (JsonNode m : models) {
                SearchItem item = m.isObject() ? mapper.apply(m, client.endpoint()) : null;
                // unknown criteria are ignored silently by the hub, so the task filter is re-checked here
                if (item != null && item.id() != null && (query.task() == null || item.task() == null
                        || query.task().equals(item.task()))) {
                    items.add(item);
                }
            }
        }
        long seen = (long) query.page() * query.limit();
        boolean more = total != null ? seen < Math.min(total, reachable) : items.size() >= query.limit();
        return new HubPage(items, more && !items.isEmpty(), total);
    }

    private static boolean worthFallback(Throwable e) {
        return e instanceof HubException.Unavailable
                || (e instanceof HubException h && ("hub_bad_response".equals(h.code()) || "hub_rejected".equals(h.code())));
    }
}
