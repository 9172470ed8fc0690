package dev.nebula.catalog.imports;

import dev.nebula.catalog.audit.AuditEntry;
import dev.nebula.catalog.audit.AuditLog;
import dev.nebula.catalog.auth.Caller;
import dev.nebula.catalog.auth.NebulaSession;
import dev.nebula.catalog.inventory.InventoryService;
import dev.nebula.catalog.inventory.SnapshotBuilder;
import dev.nebula.catalog.nebula.NebulaClient;
import dev.nebula.catalog.nebula.NebulaDtos;
import dev.nebula.catalog.nebula.NebulaFailures;
import dev.nebula.catalog.nebula.NebulaRejection;
import dev.nebula.catalog.web.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * Import = pre-flight, audit intent, claim the import in the database (the constraint that makes concurrent
 * identical imports collapse to one, across replicas), create the model in Nebula with the user's session,
 * record the outcome. Runs on worker threads.
 */
@ApplicationScoped
public class ImportService {


    @Inject
    Preflights preflights;

    @Inject
    NebulaClient nebula;

    @Inject
    AuditLog audit;

    @Inject
    ImportRecords records;

    @Inject
    MeterRegistry metrics;

    @Inject
    ImportedModels imported;

    @Inject
    InventoryService inventory;

    @Inject
    ImportResolver resolver;

    @Inject
    Caller caller;

    @Inject
    NebulaSession session;

    /** Imports as the caller: Nebula's own permission check applies to the create. */
    public Outcome importModel(ImportApi.ImportRequest request, String idempotencyKey) {
        Timer.Sample sample = Timer.start(metrics);
        String result = "failed";
        try {
            Outcome outcome = session.call(token -> run(request, idempotencyKey, token));
            result = outcome.replayed() ? "replayed" : "created";
            return outcome;
        } catch (ApiException e) {
            result = e.code();
            throw e;
        } finally {
            sample.stop(metrics.timer("catalog.imports", "provider", request.provider().wire(), "outcome", result));
        }
    }

    /** The import's answer; {@code replayed} when an earlier submission's result is returned again. */
    public record Outcome(ImportApi.ImportResult result, boolean replayed) {
    }

    private Outcome run(ImportApi.ImportRequest request, String idempotencyKey, String nebulaToken) {
        if (idempotencyKey != null) {
            var earlier = records.byIdempotencyKey(caller.username(), idempotencyKey);
            if (earlier.isPresent()) {
                return replay(earlier.get(), nebulaToken);
            }
        }
        // The pre-flight also settles what earlier imports of this model left behind (unknown, or removed in Nebula),
        // so what it reports as non-blocking is what the claim below will find.
        Preflights.Checked checked = preflights.check(request, nebulaToken);
        String uid = checked.preflight().suggested_uid();
        AuditEntry.Target target = new AuditEntry.Target(request.provider().wire(), request.model_id(), uid);
        Map<String, Object> details = Map.of("engine_type", request.engine_type(), "replicas", request.replicas(),
                "auto_start", request.auto_start());
        if (!checked.preflight().blocking().isEmpty()) {
            var first = checked.preflight().blocking().get(0);
            ApiException refused = checked.nebulaFailure() != null ? checked.nebulaFailure()
                    : new ApiException(Preflights.statusOf(first.code()), first.code(), first.message(),
                            Map.of("preflight", checked.preflight()));
            audit.record(caller.audit("import", target, Map.of("code", first.code(), "message", first.message(),
                    "status", refused.status())), AuditLog.REFUSED);
            throw refused;
        }
        AuditEntry entry = caller.audit("import", target, details);
        long intent = audit.intent(entry);
        ImportRecord record;
        try {
            record = records.claim(request, checked, uid, intent, idempotencyKey, caller);
        } catch (ImportRecords.AlreadyClaimed claimed) {
            // lost a race the pre-flight could not see: another request claimed the same model a moment ago
            ImportRecord existing = claimed.existing();
            audit.outcome(intent, entry, AuditLog.FAILED, Map.of("reason", "duplicate", "import_id", existing.id.toString()));
            if (idempotencyKey != null && idempotencyKey.equals(existing.idempotencyKey)) {
                return replay(existing, nebulaToken);
            }
            throw Preflights.alreadyClaimed(existing);
        }
        return new Outcome(create(record, request, uid, nebulaToken, intent, entry), false);
    }

    /**
     * The first submission's answer again. An unresolved one is resolved first, so a replay never reports a model
     * that exists as failed, nor sends a second create.
     */
    private Outcome replay(ImportRecord earlier, String nebulaToken) {
        ImportRecord record = earlier;
        if (ImportRecord.UNKNOWN.equals(record.status) || (record.unresolved()
                && record.updatedAt.isBefore(OffsetDateTime.now().minus(resolver.settleAfter())))) {
            try {
                record = resolver.resolve(record, nebulaToken, "resolved on replay");
            } catch (RuntimeException e) {
                // Nebula still cannot say; the answer below says the outcome is not known yet
            }
        }
        return switch (record.status) {
            case ImportRecord.UNKNOWN -> throw outcomeUnknown(record);
            case ImportRecord.FAILED, ImportRecord.ABSENT -> throw recordedError(record);
            default -> new Outcome(ImportRecords.toApi(record), true); // submitted (in flight), created, removed
        };
    }

    private ImportApi.ImportResult create(ImportRecord record, ImportApi.ImportRequest request, String uid,
                                          String nebulaToken, long intent, AuditEntry entry) {
        Map<String, String> labels = new HashMap<>();
        labels.put("catalog.provider", request.provider().wire());
        labels.put("catalog.model-id", request.model_id());
        if (record.revision != null) {
            labels.put(SnapshotBuilder.REVISION_LABEL, record.revision);
        }
        labels.put("catalog.imported-by", caller.username());
        labels.put(ImportResolver.IMPORT_ID_LABEL, record.id.toString());
        // the fit's per-GPU need (and tensor parallelism) in Nebula's ModelConfig; nothing when nothing is known
        NebulaDtos.ModelConfig config = record.requiredVramMb == null && record.tensorParallelSize == null ? null
                : NebulaDtos.ModelConfig.fit(record.requiredVramMb,
                        record.tensorParallelSize == null ? null : record.tensorParallelSize.longValue());
        NebulaDtos.CreateModel body = new NebulaDtos.CreateModel(request.model_id(), uid,
                request.provider().nebulaSource(), request.engine_type(), config,
                labels, request.auto_start(), request.replicas());
        try {
            NebulaDtos.ModelSpec spec = nebula.blocking().create(nebulaToken, body);
            if (records.settleCreated(record, spec.model_uid(), answerOf(spec))) {
                imported.remember(spec.model_uid(), record);
                inventory.invalidate(spec.model_uid()); // the page lists the new model right after this answer
                audit.outcome(intent, entry, AuditLog.SUCCEEDED, Map.of("model_uid", spec.model_uid(), "import_id", record.id.toString()));
            }
            return ImportRecords.toApi(records.reload(record.id));
        } catch (RuntimeException e) {
            if (NebulaFailures.answerLost(e)) {
                return lostAnswer(record, e, nebulaToken);
            }
            ApiException mapped = e instanceof NebulaRejection r && r.status() == 409
                    ? new ApiException(409, "model_exists", "Nebula already has a model with uid '" + uid + "'.", Map.of("model_uid", uid))
                    : NebulaFailures.toApi(e);
            if (records.settleNotCreated(record, ImportRecord.FAILED, mapped.code(), mapped.getMessage(), mapped.status())) {
                audit.outcome(intent, entry, AuditLog.FAILED, Map.of("code", mapped.code(), "message", mapped.getMessage()));
            }
            throw mapped;
        }
    }

    /**
     * The create was sent but no answer came back: Nebula may well hold the model. Never "failed": the record turns
     * unknown and is resolved at once if Nebula can say, else later by a replay, the next attempt or the recovery.
     */
    private ImportApi.ImportResult lostAnswer(ImportRecord record, RuntimeException cause, String nebulaToken) {
        records.markUnknown(record, NebulaFailures.toApi(cause));
        ImportRecord now = records.reload(record.id);
        try {
            now = resolver.resolve(now, nebulaToken, "resolved after a lost answer");
        } catch (RuntimeException e) {
            // Nebula cannot be read either; the recovery settles it
        }
        if (ImportRecord.CREATED.equals(now.status)) {
            return ImportRecords.toApi(now);
        }
        throw outcomeUnknown(now);
    }

    private static ApiException outcomeUnknown(ImportRecord record) {
        return new ApiException(504, "import_outcome_unknown", "Nebula did not confirm the create of '" + record.sentUid
                + "' in time. The catalog checks with Nebula and settles this import (id " + record.id + ") within a "
                + "minute; repeating the request with the same Idempotency-Key returns its outcome, and no second "
                + "model is created meanwhile.", Map.of("import_id", record.id.toString(), "status", record.status));
    }

    private static ApiException recordedError(ImportRecord record) {
        String code = record.error == null ? "import_failed" : String.valueOf(record.error.get("code"));
        String message = record.error == null ? "The import failed." : String.valueOf(record.error.get("message"));
        int status = record.error != null && record.error.get("status") instanceof Number n ? n.intValue()
                : ImportRecord.ABSENT.equals(record.status) ? 409 : 502;
        return new ApiException(status, code, message, Map.of("import_id", record.id.toString(), "status", record.status));
    }

    private static Map<String, Object> answerOf(NebulaDtos.ModelSpec spec) {
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("model_uid", spec.model_uid());
        answer.put("model_name", spec.model_name());
        answer.put("model_source", spec.model_source());
        answer.put("created_by", spec.created_by());
        answer.put("created_at_ms", spec.created_at_ms());
        return answer;
    }
}
