package dev.nebula.catalog.imports;

import dev.nebula.catalog.audit.AuditLog;
import dev.nebula.catalog.config.CatalogConfig;
import dev.nebula.catalog.inventory.InventoryService;
import dev.nebula.catalog.nebula.NebulaClient;
import dev.nebula.catalog.nebula.NebulaDtos.ModelView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settles an unresolved import (submitted or unknown) by asking Nebula, the only one that knows whether the create
 * arrived: a model whose labels carry this import's {@code catalog.import-id}, else one with the uid that was sent and
 * the same hub id. Found → created. Not found → absent, but only once the create can no longer arrive (it was sent
 * longer ago than {@link #settleAfter()}); before that the import stays unknown and keeps its claim.
 * The record moves by a conditional update, so whichever request, replica or recovery run settles it first writes
 * the audit outcome, and no one else does.
 */
@ApplicationScoped
public class ImportResolver {

    static final String IMPORT_ID_LABEL = "catalog.import-id";

    @Inject
    NebulaClient nebula;

    @Inject
    ImportRecords records;

    @Inject
    AuditLog audit;

    @Inject
    ImportedModels imported;

    @Inject
    InventoryService inventory;

    @Inject
    CatalogConfig config;

    /** How long after it was sent a create that has not shown up in Nebula is taken as never arriving. */
    public Duration settleAfter() {
        return config.nebula().readTimeout().multipliedBy(2).plusSeconds(1);
    }

    /** Asks Nebula with {@code token}; a Nebula failure propagates and leaves the record as it was. */
    public ImportRecord resolve(ImportRecord record, String token, String when) {
        List<ModelView> models = nebula.blocking().models(token);
        return resolve(record, models, when);
    }

    /** Settles against a model list read after the record was last written; returns the record as it now stands. */
    public ImportRecord resolve(ImportRecord record, List<ModelView> models, String when) {
        if (!record.unresolved()) {
            return record;
        }
        Optional<ModelView> found = models.stream()
                .filter(m -> m.labels() != null && record.id.toString().equals(m.labels().get(IMPORT_ID_LABEL)))
                .findFirst()
                .or(() -> models.stream().filter(m -> m.model_uid().equals(record.sentUid)
                        && record.modelId.equals(m.model_name())).findFirst());
        if (found.isPresent()) {
            String uid = found.get().model_uid();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("model_uid", uid);
            answer.put("model_name", found.get().model_name());
            answer.put("resolved", when);
            if (records.settleCreated(record, uid, answer)) {
                imported.remember(uid, record);
                inventory.invalidate(uid);
                outcome(record, AuditLog.SUCCEEDED, Map.of("model_uid", uid,
                        "import_id", record.id.toString(), "resolution", when + ": created"));
            }
        } else if (record.updatedAt.isBefore(OffsetDateTime.now().minus(settleAfter()))
                && records.settleNotCreated(record, ImportRecord.ABSENT, "import_not_created",
                "Nebula never received this import's create; the model can be imported again.", 409)) {
            outcome(record, AuditLog.FAILED, Map.of("import_id", record.id.toString(),
                    "model_uid", String.valueOf(record.sentUid), "resolution", when + ": absent"));
        }
        return records.reload(record.id);
    }

    private void outcome(ImportRecord record, String outcome, Map<String, Object> details) {
        if (record.auditIntent != null) { // records older than the state machine carry no intent id
            audit.outcomeOf(record.auditIntent, outcome, details);
        }
    }
}
