package dev.nebula.catalog.inventory;

import dev.nebula.catalog.api.InventoryEndpoints;
import dev.nebula.catalog.api.model.BatchDeleteRequest;
import dev.nebula.catalog.api.model.DownloadedModelState;
import dev.nebula.catalog.api.model.ModelSourceName;
import dev.nebula.catalog.api.model.ModelUidList;
import dev.nebula.catalog.inventory.InventoryApi.BatchDeleteImpact;
import dev.nebula.catalog.inventory.InventoryApi.BatchDeleteResult;
import dev.nebula.catalog.inventory.InventoryApi.DeleteImpact;
import dev.nebula.catalog.inventory.InventoryApi.Deleted;
import dev.nebula.catalog.inventory.InventoryApi.Detail;
import dev.nebula.catalog.inventory.InventoryApi.Page;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/**
 * Block A: every model the cluster holds, and deleting them one by one or several at once. Methods return plain
 * values, so they run on worker threads, where waiting for the snapshot and reading sessions and observations from
 * the database is allowed.
 */
public class InventoryResource implements InventoryEndpoints {

    @Inject
    InventoryService inventory;

    @Inject
    ModelDeletion deletion;

    @Inject
    BatchDeletion batches;

    @Inject
    MeterRegistry metrics;

    @Override
    @RolesAllowed("viewer")
    public Page listDownloadedModels(String requestId, Integer page, Integer limit, String sort, String order,
                                     DownloadedModelState state, ModelSourceName source, String q) {
        InventoryQuery query = InventoryQuery.of(page, limit, sort, order, state, source, q);
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "error";
        try {
            Page result = inventory.list(query);
            outcome = result.stale() ? "stale" : "fresh";
            return result;
        } finally {
            sample.stop(metrics.timer("catalog.inventory.list", "outcome", outcome));
        }
    }

    @Override
    @RolesAllowed("viewer")
    public Detail getDownloadedModel(String uid, String requestId) {
        return inventory.detail(uid);
    }

    @Override
    @RolesAllowed("viewer")
    public DeleteImpact getDeleteImpact(String uid, String requestId) {
        return deletion.impact(uid);
    }

    @Override
    @RolesAllowed("admin")
    public Deleted deleteDownloadedModel(String uid, String requestId) {
        return deletion.delete(uid);
    }

    @Override
    @RolesAllowed("viewer")
    public BatchDeleteImpact getBatchDeleteImpact(ModelUidList body, String requestId) {
        return batches.impact(body.getModelUids());
    }

    @Override
    @RolesAllowed("admin")
    public BatchDeleteResult deleteModelBatch(BatchDeleteRequest body, String requestId) {
        return batches.delete(body.getModelUids(), body.getConfirmation());
    }
}
