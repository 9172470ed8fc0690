package dev.nebula.catalog.inventory;

import dev.nebula.catalog.inventory.InventoryApi.BatchDeleteImpact;
import dev.nebula.catalog.inventory.InventoryApi.BatchDeleteResult;
import dev.nebula.catalog.inventory.InventoryApi.BatchDeleted;
import dev.nebula.catalog.inventory.InventoryApi.DeleteImpact;
import dev.nebula.catalog.inventory.InventoryApi.Deleted;
import dev.nebula.catalog.web.ApiException;
import dev.nebula.catalog.web.ItemError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Several deletes confirmed once: the combined impact, then each model deleted exactly as a single delete (its own
 * audit intent and outcome, the admin's Nebula session), one after the other, a failure of one reported with it while
 * the others go on. Every impact is computed before the first delete: afterwards the specs, Nebula's matching rule's
 * input, are gone. Blocking; call from a worker thread.
 */
@ApplicationScoped
public class BatchDeletion {

    @Inject
    InventoryService inventory;

    @Inject
    ModelDeletion deletion;

    /** The combined impact of deleting {@code uids} (distinct model uids, as the contract allows them). */
    public BatchDeleteImpact impact(List<String> uids) {
        SnapshotHolder.Served<Snapshot> served = inventory.snapshot();
        return BatchImpacts.of(served.value(), List.copyOf(uids), served.stale());
    }

    /** Deletes {@code uids} (distinct, as the contract allows them) when {@code confirmation} names their count. */
    public BatchDeleteResult delete(List<String> uids, String confirmation) {
        String expected = BatchImpacts.phrase(uids.size());
        if (!expected.equals(confirmation.trim())) {
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
}
