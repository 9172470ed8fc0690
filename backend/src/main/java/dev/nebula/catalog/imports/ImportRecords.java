package dev.nebula.catalog.imports;

import dev.nebula.catalog.auth.Caller;
import dev.nebula.catalog.nebula.NebulaDtos;
import dev.nebula.catalog.web.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.exception.ConstraintViolationException;

import java.util.LinkedHashMap;
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

    public ImportRecord reload(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ImportRecord.<ImportRecord>findById(id));
    }

    /** Inserts the submitted record; the partial unique indexes decide who wins a race. */
    public ImportRecord claim(ImportApi.ImportRequest request, Preflights.Checked checked, String idempotencyKey, Caller caller) {
        ImportRecord record = new ImportRecord();
        record.id = UUID.randomUUID();
        record.provider = request.provider();
        record.modelId = request.model_id();
        record.requestedUid = request.model_uid() == null ? "" : request.model_uid();
        record.revision = checked.preflight().revision();
        record.expectedBytes = checked.preflight().size_bytes();
        record.engineType = request.engine_type();
        record.replicas = request.replicas();
        record.autoStart = request.auto_start();
        record.status = ImportRecord.SUBMITTED;
        record.idempotencyKey = idempotencyKey;
        record.actor = caller.username();
        record.requestId = caller.requestId();
        record.createdAt = ImportService.now();
        record.updatedAt = record.createdAt;
        try {
            QuarkusTransaction.requiringNew().run(record::persist);
            return record;
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            Optional<ImportRecord> existing = QuarkusTransaction.requiringNew().call(() -> idempotencyKey != null
                    ? ImportRecord.byIdempotencyKey(caller.username(), idempotencyKey)
                            .or(() -> ImportRecord.live(record.provider, record.modelId, record.requestedUid))
                    : ImportRecord.live(record.provider, record.modelId, record.requestedUid));
            throw new AlreadyClaimed(existing.orElseThrow(() -> new ApiException(409, "import_in_progress",
                    "An identical import is being processed; try again in a moment.")));
        }
    }

    public void markCreated(ImportRecord record, NebulaDtos.ModelSpec spec) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("model_uid", spec.model_uid());
        answer.put("model_name", spec.model_name());
        answer.put("model_source", spec.model_source());
        answer.put("created_by", spec.created_by());
        answer.put("created_at_ms", spec.created_at_ms());
        QuarkusTransaction.requiringNew().run(() -> ImportRecord.update(
                "status = ?1, modelUid = ?2, nebulaResponse = ?3, updatedAt = ?4 where id = ?5",
                ImportRecord.CREATED, spec.model_uid(), answer, ImportService.now(), record.id));
    }

    public void markFailed(ImportRecord record, ApiException error) {
        QuarkusTransaction.requiringNew().run(() -> ImportRecord.update(
                "status = ?1, error = ?2, updatedAt = ?3 where id = ?4",
                ImportRecord.FAILED, Map.of("code", error.code(), "message", error.getMessage()), ImportService.now(), record.id));
    }

    public static ImportApi.ImportResult toApi(ImportRecord r) {
        ImportApi.ErrorInfo error = r.error == null ? null
                : new ImportApi.ErrorInfo(String.valueOf(r.error.get("code")), String.valueOf(r.error.get("message")));
        return new ImportApi.ImportResult(r.id.toString(), r.modelUid, r.status, r.provider, r.modelId, r.revision,
                r.expectedBytes, r.engineType, r.replicas, r.autoStart, r.actor, r.createdAt.toInstant().toString(), error);
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException
                    || (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
