package dev.nebula.catalog.imports;

import dev.nebula.catalog.api.model.BatchImportItem;
import dev.nebula.catalog.api.model.BatchImportRequest;
import dev.nebula.catalog.api.model.BatchPreflightRequest;
import dev.nebula.catalog.web.ApiException;
import dev.nebula.catalog.web.ItemError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Several imports (or their pre-flights) in one request, each through the single import's own path, one after the
 * other: the same pre-flight and fit, audit, claim and create, and the same idempotency rules per item (its own key).
 * Every item is checked before anything happens (the contract's rules on the endpoint, the configured ones here), so a
 * bad item changes nothing; what goes wrong for one item afterwards is reported with it and the others go on.
 * Blocking; call from a worker thread.
 */
@ApplicationScoped
public class BatchImports {

    @Inject
    ImportRequests requests;

    @Inject
    Preflights preflights;

    @Inject
    ImportService imports;

    /** The items of a batch pre-flight made imports of this installation, or a 400 naming the first bad one. */
    public List<ImportApi.ImportRequest> requests(BatchPreflightRequest body) {
        return each(body.getItems(), requests::of);
    }

    /** Each item's pre-flight as the caller, in order, against one read of the cluster. */
    public ImportApi.BatchPreflight preflight(List<ImportApi.ImportRequest> items) {
        List<Preflights.Outcome> outcomes = preflights.preflightAll(items);
        List<ImportApi.BatchPreflightItem> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Preflights.Outcome o = outcomes.get(i);
            out.add(new ImportApi.BatchPreflightItem(i, items.get(i).model_id(), o.preflight(),
                    o.error() == null ? null : ItemError.of(o.error())));
        }
        return new ImportApi.BatchPreflight(out);
    }

    public ImportApi.BatchImport importAll(BatchImportRequest body) {
        List<BatchImportItem> raw = body.getItems();
        List<ImportApi.ImportRequest> items = each(raw, requests::of);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String key = raw.get(i).getIdempotencyKey();
            if (key != null && !keys.add(key)) {
                throw ApiException.badRequest("items[" + i + "].idempotency_key", "items[" + i + "].idempotency_key "
                        + "repeats the key of an earlier item; each item needs its own");
            }
        }
        List<ImportApi.BatchImportOutcome> out = new ArrayList<>();
        int created = 0;
        for (int i = 0; i < items.size(); i++) {
            ImportApi.ImportRequest item = items.get(i);
            try {
                ImportService.Outcome outcome = imports.importModel(item, raw.get(i).getIdempotencyKey());
                out.add(new ImportApi.BatchImportOutcome(i, item.model_id(), outcome.replayed() ? "replayed" : "created",
                        outcome.result(), null));
                created++;
            } catch (ApiException e) {
                out.add(new ImportApi.BatchImportOutcome(i, item.model_id(), "failed", null, ItemError.of(e)));
            }
        }
        return new ImportApi.BatchImport(out, created, items.size() - created);
    }

    /** Every item made an import (what the configuration allows), or a 400 naming {@code items[i].field}. */
    private static <T> List<ImportApi.ImportRequest> each(List<T> items, Function<T, ImportApi.ImportRequest> request) {
        List<ImportApi.ImportRequest> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                out.add(request.apply(items.get(i)));
            } catch (ApiException e) {
                throw inItem(i, e);
            }
        }
        return out;
    }

    private static ApiException inItem(int index, ApiException e) {
        String where = "items[" + index + "]." + e.details().get("field");
        return new ApiException(e.status(), e.code(), where + ": " + e.getMessage(), Map.of("field", where));
    }
}
