package dev.nebula.catalog.imports;

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
 * Every item is validated before anything happens, so a bad item changes nothing; what goes wrong for one item
 * afterwards is reported with it and the others go on. Blocking; call from a worker thread.
 */
@ApplicationScoped
public class BatchImports {

    static final int MAX_ITEMS = 10;

    @Inject
    ImportValidation validation;

    @Inject
    Preflights preflights;

    @Inject
    ImportService imports;

    /** The items of a batch pre-flight with defaults applied, or a 400 naming the first bad one. */
    public List<ImportApi.ImportRequest> validate(ImportApi.BatchPreflightRequest body) {
        return validated(body == null ? null : body.items(), Function.identity());
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

    public ImportApi.BatchImport importAll(ImportApi.BatchImportRequest body) {
        List<ImportApi.BatchImportItem> raw = body == null ? null : body.items();
        List<ImportApi.ImportRequest> items = validated(raw, ImportApi.BatchImportItem::request);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String key = raw.get(i).idempotency_key();
            try {
                validation.checkIdempotencyKey(key);
            } catch (ApiException e) {
                throw inItem(i, e);
            }
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
                ImportService.Outcome outcome = imports.importModel(item, raw.get(i).idempotency_key());
                out.add(new ImportApi.BatchImportOutcome(i, item.model_id(), outcome.replayed() ? "replayed" : "created",
                        outcome.result(), null));
                created++;
            } catch (ApiException e) {
                out.add(new ImportApi.BatchImportOutcome(i, item.model_id(), "failed", null, ItemError.of(e)));
            }
        }
        return new ImportApi.BatchImport(out, created, items.size() - created);
    }

    /** Every item valid (defaults applied), or a 400 naming {@code items[i].field}. */
    private <T> List<ImportApi.ImportRequest> validated(List<T> items, Function<T, ImportApi.ImportRequest> request) {
        if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
            throw ApiException.badRequest("items", "items must list 1 to " + MAX_ITEMS + " imports");
        }
        List<ImportApi.ImportRequest> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                out.add(validation.validate(items.get(i) == null ? null : request.apply(items.get(i))));
            } catch (ApiException e) {
                throw inItem(i, e);
            }
        }
        return out;
    }

    private static ApiException inItem(int index, ApiException e) {
        Object field = e.details() == null ? null : e.details().get("field");
        String where = "items[" + index + "]" + (field == null || "body".equals(field) ? "" : "." + field);
        return new ApiException(e.status(), e.code(), where + ": " + e.getMessage(), Map.of("field", where));
    }
}
