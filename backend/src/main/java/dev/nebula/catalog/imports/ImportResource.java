package dev.nebula.catalog.imports;

import dev.nebula.catalog.api.ImportEndpoints;
import dev.nebula.catalog.api.model.BatchImportRequest;
import dev.nebula.catalog.api.model.BatchPreflightRequest;
import dev.nebula.catalog.api.model.ImportRequest;
import dev.nebula.catalog.search.HubQuota;
import dev.nebula.catalog.search.SearchService;
import dev.nebula.catalog.web.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/** Import hub models into the cluster, one or several: pre-flight, create, and read an import back. */
public class ImportResource implements ImportEndpoints {

    private final ImportRequests requests;
    private final Preflights preflights;
    private final ImportService imports;
    private final BatchImports batches;
    private final HubQuota quota;
    private final SearchService search;
    private final CurrentVertxRequest http;

    @Inject
    public ImportResource(ImportRequests requests, Preflights preflights, ImportService imports, BatchImports batches,
                          HubQuota quota, SearchService search, CurrentVertxRequest http) {
        this.requests = requests;
        this.preflights = preflights;
        this.imports = imports;
        this.batches = batches;
        this.quota = quota;
        this.search = search;
        this.http = http;
    }

    @Override
    @RolesAllowed("operator")
    public ImportApi.Preflight preflightImport(ImportRequest body, String requestId) {
        ImportApi.ImportRequest request = requests.of(body);
        quota.take(caller());
        if (!search.metadataFromCache(request.provider(), request.model_id())) {
            quota.takeSharedBlocking(caller()); // the pre-flight will ask the hub
        }
        return preflights.preflight(request);
    }

    /** Checked while the operator types: against the models Nebula holds and the imports in flight, never a hub. */
    @Override
    @RolesAllowed("operator")
    public ImportApi.UidCheck checkModelUid(String modelUid, String requestId) {
        return preflights.checkUid(modelUid);
    }

    @Override
    @RolesAllowed("operator")
    public ImportApi.ImportResult importModel(ImportRequest body, String requestId, String idempotencyKey) {
        ImportService.Outcome outcome = imports.importModel(requests.of(body), idempotencyKey);
        http.getCurrent().response().putHeader("Idempotency-Replayed", Boolean.toString(outcome.replayed()));
        return outcome.result();
    }

    @Override
    @RolesAllowed("operator")
    public ImportApi.BatchPreflight preflightImportBatch(BatchPreflightRequest body, String requestId) {
        List<ImportApi.ImportRequest> items = batches.requests(body);
        items.forEach(item -> quota.take(caller())); // each item may reach a hub, like one pre-flight
        return batches.preflight(items);
    }

    @Override
    @RolesAllowed("operator")
    public ImportApi.BatchImport importBatch(BatchImportRequest body, String requestId) {
        return batches.importAll(body);
    }

    @Override
    @RolesAllowed("viewer")
    public ImportApi.ImportResult getImport(UUID id, String requestId) {
        ImportRecord record = QuarkusTransaction.requiringNew().call(() -> ImportRecord.<ImportRecord>findById(id));
        if (record == null) {
            throw ApiException.notFound("No import with id " + id);
        }
        return ImportRecords.toApi(record);
    }

    private HttpServerRequest caller() {
        return http.getCurrent().request();
    }
}
