package dev.nebula.catalog.imports;

import dev.nebula.catalog.auth.Caller;
import dev.nebula.catalog.nebula.NebulaDtos;
import dev.nebula.catalog.web.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.logging.Log;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Import records in their own short transactions, so a claim is visible to other replicas at once. */
@ApplicationScoped
public class ImportRecords {

    /** Another live import of the same model (or the same idempotency key) holds the claim. */
    public static class AlreadyClaimed extends RuntimeException {
        private final transient ImportRecord existing;

        AlreadyClaimed(ImportRecord existing) {
            super(null, null, false, false);
            this.existing = existing;
        }

        public ImportRecord existing() {
            return existing;
        }
    }

    public Optional<ImportRecord> byIdempotencyKey(String actor, String key) {
        return QuarkusTransaction.requiringNew().call(() -> ImportRecord.byIdempotencyKey(actor, key));
    }

    /** The live import (submitted, unknown or created) holding the claim on this model and requested uid, if any. */
    public Optional<ImportRecord> live(String provider, String modelId, String requestedUid) {
        return QuarkusTransaction.requiringNew().call(() -> ImportRecord.live(provider, modelId,
                requestedUid == null ? "" : requestedUid));
    }

    public ImportRecord reload(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ImportRecord.<ImportRecord>findById(id));
    }

    /** Inserts the submitted record; the partial unique indexes decide who wins a race. */
    public ImportRecord claim(ImportApi.ImportRequest request, Preflights.Checked checked, String sentUid, long auditIntent,
                              String idempotencyKey, Caller caller) {
        ImportRecord record = new ImportRecord();
        record.id = UUID.randomUUID();
        record.provider = request.provider().wire();
        record.modelId = request.model_id();
        record.requestedUid = request.model_uid() == null ? "" : request.model_uid();
        record.sentUid = sentUid;
        record.auditIntent = auditIntent;
        record.revision = checked.preflight().revision();
        record.expectedBytes = checked.preflight().size_bytes();
        record.requiredVramMb = checked.preflight().fit().config().required_vram_mb();
        record.tensorParallelSize = checked.preflight().fit().config().tensor_parallel_size();
        record.engineType = request.engine_type();
        record.replicas = request.replicas();
        record.autoStart = request.auto_start();
        record.status = ImportRecord.SUBMITTED;
        record.idempotencyKey = idempotencyKey;
        record.actor = caller.username();
        record.requestId = caller.requestId();
        record.createdAt = ImportRecord.now();
        record.updatedAt = record.createdAt;
        // ON CONFLICT DO NOTHING: losing the race is expected, so it must not pass through a failed flush, which
        // logged a stack trace per loser (347 in one test) and rolled back with warnings
        int inserted = QuarkusTransaction.requiringNew().call(() -> ImportRecord.getEntityManager().createNativeQuery("""
                INSERT INTO import_record (id, provider, model_id, requested_uid, sent_uid, audit_intent, revision,
                    expected_bytes, engine_type, replicas, auto_start, status, idempotency_key, actor, request_id,
                    created_at, updated_at, required_vram_mb, tensor_parallel_size)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, record.id).setParameter(2, record.provider).setParameter(3, record.modelId)
                .setParameter(4, record.requestedUid).setParameter(5, record.sentUid).setParameter(6, record.auditIntent)
                .setParameter(7, record.revision).setParameter(8, record.expectedBytes).setParameter(9, record.engineType)
                .setParameter(10, record.replicas).setParameter(11, record.autoStart).setParameter(12, record.status)
                .setParameter(13, record.idempotencyKey).setParameter(14, record.actor).setParameter(15, record.requestId)
                .setParameter(16, record.createdAt).setParameter(17, record.updatedAt)
                .setParameter(18, record.requiredVramMb).setParameter(19, record.tensorParallelSize)
                .executeUpdate());
        if (inserted == 1) {
            return record;
        }
        Log.infof("import of %s/%s lost the claim to a concurrent identical import", record.provider, record.modelId);
        Optional<ImportRecord> existing = QuarkusTransaction.requiringNew().call(() -> idempotencyKey != null
                ? ImportRecord.byIdempotencyKey(caller.username(), idempotencyKey)
                        .or(() -> ImportRecord.live(record.provider, record.modelId, record.requestedUid))
                : ImportRecord.live(record.provider, record.modelId, record.requestedUid));
        throw new AlreadyClaimed(existing.orElseThrow(() -> new ApiException(409, "import_in_progress",
                "An identical import is being processed; try again in a moment.")));
    }

    /**
     * Moves an unresolved record (submitted or unknown) to {@code created}. False when it was no longer unresolved:
     * another request, replica or recovery run settled it first, and that one writes the audit outcome.
     */
    public boolean settleCreated(ImportRecord record, String modelUid, Map<String, Object> nebulaAnswer) {
        return settle(record, "status = ?1, modelUid = ?2, nebulaResponse = ?3, updatedAt = ?4",
                ImportRecord.CREATED, modelUid, nebulaAnswer);
    }

    /** Moves an unresolved record to {@code failed} (Nebula refused the create) or {@code absent} (it never arrived). */
    public boolean settleNotCreated(ImportRecord record, String status, String code, String message, int httpStatus) {
        return settle(record, "status = ?1, error = ?2, updatedAt = ?3", status,
                Map.of("code", code, "message", message, "status", httpStatus));
    }

    /** A create whose answer was lost: Nebula may hold the model, so the claim stays until someone asks Nebula. */
    public void markUnknown(ImportRecord record, ApiException cause) {
        QuarkusTransaction.requiringNew().run(() -> ImportRecord.update(
                "status = ?1, error = ?2, updatedAt = ?3 where id = ?4 and status = ?5", ImportRecord.UNKNOWN,
                Map.of("code", cause.code(), "message", cause.getMessage()), ImportRecord.now(), record.id,
                ImportRecord.SUBMITTED));
    }

    /** Marks the created imports of a model Nebula no longer holds as removed, freeing the hub model for a new import. */
    public int markRemoved(String modelUid) {
        return QuarkusTransaction.requiringNew().call(() -> ImportRecord.update(
                "status = ?1, updatedAt = ?2 where modelUid = ?3 and status = ?4", ImportRecord.REMOVED,
                ImportRecord.now(), modelUid, ImportRecord.CREATED));
    }

    /** Like {@link #markRemoved}, for imports settled before {@code before} only. */
    public int markRemovedIfCreatedBefore(String modelUid, java.time.OffsetDateTime before) {
        return QuarkusTransaction.requiringNew().call(() -> ImportRecord.update(
                "status = ?1, updatedAt = ?2 where modelUid = ?3 and status = ?4 and updatedAt < ?5", ImportRecord.REMOVED,
                ImportRecord.now(), modelUid, ImportRecord.CREATED, before));
    }

    /** Unresolved records last touched before {@code before}: their create has had all the time it can take. */
    public java.util.List<ImportRecord> unresolvedBefore(java.time.OffsetDateTime before) {
        return QuarkusTransaction.requiringNew().call(() -> ImportRecord.<ImportRecord>list(
                "status in (?1, ?2) and updatedAt < ?3 order by updatedAt", ImportRecord.SUBMITTED, ImportRecord.UNKNOWN,
                before));
    }

    private boolean settle(ImportRecord record, String assignments, Object... values) {
        Object[] params = java.util.Arrays.copyOf(values, values.length + 4);
        int n = values.length;
        params[n] = ImportRecord.now();
        params[n + 1] = record.id;
        params[n + 2] = ImportRecord.SUBMITTED;
        params[n + 3] = ImportRecord.UNKNOWN;
        String query = assignments + " where id = ?" + (n + 2) + " and status in (?" + (n + 3) + ", ?" + (n + 4) + ")";
        return QuarkusTransaction.requiringNew().call(() -> ImportRecord.update(query, params)) == 1;
    }

    public static ImportApi.ImportResult toApi(ImportRecord r) {
        ImportApi.ErrorInfo error = r.error == null ? null
                : new ImportApi.ErrorInfo(String.valueOf(r.error.get("code")), String.valueOf(r.error.get("message")));
        return new ImportApi.ImportResult(r.id.toString(), r.modelUid, r.status, r.provider, r.modelId, r.revision,
                r.expectedBytes, r.engineType, r.replicas, r.autoStart, r.actor, r.createdAt.toInstant().toString(),
                r.requiredVramMb, r.tensorParallelSize, error);
    }
}
