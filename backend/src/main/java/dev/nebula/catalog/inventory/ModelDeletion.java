package dev.nebula.catalog.inventory;

import dev.nebula.catalog.audit.AuditEntry;
import dev.nebula.catalog.audit.AuditLog;
import dev.nebula.catalog.auth.Caller;
import dev.nebula.catalog.auth.NebulaSession;
import dev.nebula.catalog.config.CatalogConfig;
import dev.nebula.catalog.inventory.InventoryApi.DeleteImpact;
import dev.nebula.catalog.inventory.InventoryApi.Deleted;
import dev.nebula.catalog.nebula.NebulaClient;
import dev.nebula.catalog.nebula.NebulaDtos.DeleteResult;
import dev.nebula.catalog.nebula.NebulaFailures;
import dev.nebula.catalog.web.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;

/**
 * Deletes a registered model through Nebula with the admin's own session, audited before and after. The impact is
 * computed first (from the snapshot) because afterwards the spec, and with it the matching rule's input, is gone.
 */
@ApplicationScoped
public class ModelDeletion {

    @Inject
    InventoryService inventory;

    @Inject
    NebulaClient nebula;

    @Inject
    AuditLog audit;

    @Inject
    MeterRegistry metrics;

    @Inject
    CatalogConfig config;

    @Inject
    ImportFacts imports;

    @Inject
    Caller caller;

    @Inject
    ModelActivity activity;

    @Inject
    NebulaSession session;

    public DeleteImpact impact(String uid) {
        SnapshotHolder.Served<Snapshot> served = inventory.snapshot();
        if (!served.value().byUid().containsKey(uid)) {
            throw ApiException.notFound("No registered model with uid '" + uid + "'. Files without a registered "
                    + "model cannot be deleted through Nebula.");
        }
        return DeleteImpacts.of(served.value(), uid, served.stale());
    }

    public Deleted delete(String uid) {
        DeleteImpact impact = null;
        try {
            impact = impact(uid);
        } catch (ApiException e) {
            // Unknown to our snapshot (or Nebula unreadable): Nebula decides below, and the attempt is audited.
        }
        return delete(uid, impact, Map.of());
    }

    /**
     * One delete with its impact computed beforehand (null: unknown to the snapshot, Nebula decides); {@code batch}
     * goes into both audit rows (a batch's id, size and position).
     */
    Deleted delete(String uid, DeleteImpact impact, Map<String, Object> batch) {
        String name = impact == null ? null : impact.model_name();
        String source = inventory.latestSnapshot().map(snap -> snap.byUid().get(uid)).map(InventoryApi.Row::source).orElse(null);
        long freed = impact == null ? 0 : impact.freed_bytes_expected();
        Map<String, Object> intentDetails = new HashMap<>();
        intentDetails.put("model_name", name);
        intentDetails.put("freed_bytes_expected", freed);
        intentDetails.put("nodes", impact == null ? java.util.List.of() : impact.nodes());
        intentDetails.putAll(batch);
        AuditEntry entry = caller.audit("delete", new AuditEntry.Target(null, name, uid), intentDetails);
        long intent = audit.intent(entry);
        try {
            DeleteResult result = session.call(token -> nebula.blocking().delete(token, uid));
            Map<String, Object> outcome = new HashMap<>(batch);
            outcome.put("gc_queued_nodes", result.gc_queued_nodes());
            outcome.put("freed_bytes_expected", freed);
            audit.outcome(intent, entry, AuditLog.SUCCEEDED, outcome);
            metrics.counter("catalog.inventory.deletes", "outcome", "succeeded").increment();
            imports.removed(uid);
            activity.deleted(uid, name, source);
            return new Deleted(uid, "deleted", result.gc_queued_nodes(), freed);
        } catch (RuntimeException e) {
            ApiException api = e instanceof ApiException a ? a : NebulaFailures.toApi(e);
            Map<String, Object> outcome = new HashMap<>(batch);
            outcome.put("code", api.code());
            outcome.put("status", api.status());
            outcome.put("message", String.valueOf(api.getMessage()));
            audit.outcome(intent, entry, AuditLog.FAILED, outcome);
            metrics.counter("catalog.inventory.deletes", "outcome", api.status() == 404 ? "not_found" : "failed").increment();
            if (api.status() == 404) {
                imports.removed(uid); // gone already, whoever deleted it
            }
            throw api;
        } finally {
            inventory.invalidate(uid);
        }
    }
}
