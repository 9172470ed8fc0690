package dev.nebula.catalog.inventory;

import dev.nebula.catalog.inventory.InventoryApi.BatchDeleteImpact;
import dev.nebula.catalog.inventory.InventoryApi.BatchDeleteRequest;
import dev.nebula.catalog.inventory.InventoryApi.BatchDeleteResult;
import dev.nebula.catalog.inventory.InventoryApi.BatchDeleted;
import dev.nebula.catalog.inventory.InventoryApi.DeleteImpact;
import dev.nebula.catalog.inventory.InventoryApi.Deleted;
import dev.nebula.catalog.nebula.ModelUids;
import dev.nebula.catalog.web.ApiException;
import dev.nebula.catalog.web.ItemError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Several deletes confirmed once: the combined impact, then each model deleted exactly as a single delete (its own
 * audit intent and outcome, the admin's Nebula session), one after the other, a failure of one reported with it while
 * the others go on. Every impact is computed before the first delete: afterwards the specs, Nebula's matching rule's
 * input, are gone. Blocking; call from a worker thread.
 */
@ApplicationScoped
public class BatchDeletion {

    static final int MAX_MODELS = 50;

    @Inject
    InventoryService inventory;

    @Inject
    ModelDeletion deletion;

    public BatchDeleteImpact impact(List<String> uids) {
        List<String> valid = validUids(uids);
        SnapshotHolder.Served<Snapshot> served = inventory.snapshot();
        return BatchImpacts.of(served.value(), valid, served.stale());
    }

    public BatchDeleteResult delete(BatchDeleteRequest request) {
        if (request == null) {
            throw ApiException.badRequest("body", "a JSON body is required");
        }
        List<String> uids = validUids(request.model_uids());
        String expected = BatchImpacts.phrase(uids.size());
        if (request.confirmation() == null || !expected.equals(request.confirmation().trim())) {
            throw new ApiException(400, "confirmation_mismatch", "To delete these " + uids.size() + " model(s), "
                    + "confirmation must be \"" + expected + "\"; nothing was deleted.",
                    Map.of("field", "confirmation", "expected", expected));
        }
        Snapshot snapshot = null;
        boolean stale = false;
        try {
            SnapshotHolder.Served<Snapshot> served = inventory.snapshot();
            snapshot = served.value();
            stale = served.stale();
        } catch (ApiException unreadable) {
            // Nebula cannot be read and nothing is known: each delete goes to Nebula, which decides (and is audited)
        }
        Map<String, DeleteImpact> impacts = new LinkedHashMap<>();
        for (String uid : uids) {
            if (snapshot != null && snapshot.byUid().containsKey(uid)) {
                impacts.put(uid, DeleteImpacts.of(snapshot, uid, stale));
            }
        }
        String batchId = UUID.randomUUID().toString();
        List<BatchDeleted> results = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        for (int i = 0; i < uids.size(); i++) {
            String uid = uids.get(i);
            try {
                Deleted d = deletion.delete(uid, impacts.get(uid), Map.of("batch_id", batchId,
                        "batch_size", uids.size(), "batch_index", i));
                results.add(new BatchDeleted(uid, "deleted", d.gc_queued_nodes(), d.freed_bytes_expected(), null));
                deleted.add(uid);
            } catch (ApiException e) {
                results.add(new BatchDeleted(uid, "failed", null, null, ItemError.of(e)));
            }
        }
        long freed = snapshot == null ? 0 : BatchImpacts.freed(snapshot, BatchImpacts.doomed(snapshot,
                deleted.stream().filter(impacts::containsKey).toList()));
        return new BatchDeleteResult(batchId, results, deleted.size(), uids.size() - deleted.size(), freed);
    }

    /** 1 to 50 distinct uids that a Nebula model can have; anything else is 400 naming the entry. */
    private static List<String> validUids(List<String> uids) {
        if (uids == null || uids.isEmpty() || uids.size() > MAX_MODELS) {
            throw ApiException.badRequest("model_uids", "model_uids must list 1 to " + MAX_MODELS + " model uids");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < uids.size(); i++) {
            String uid = uids.get(i);
            if (uid == null || !ModelUids.addressable(uid)) {
                throw ApiException.badRequest("model_uids[" + i + "]", "model_uids[" + i + "] is not a model uid "
                        + "Nebula can have");
            }
            if (!seen.add(uid)) {
                throw ApiException.badRequest("model_uids[" + i + "]", "model_uids[" + i + "] repeats " + uid);
            }
        }
        return List.copyOf(uids);
    }
}
