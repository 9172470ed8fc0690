package dev.nebula.catalog.imports;

import dev.nebula.catalog.audit.AuditEntry;
import dev.nebula.catalog.audit.AuditLog;
import dev.nebula.catalog.auth.Caller;
import dev.nebula.catalog.inventory.InventoryService;
import dev.nebula.catalog.nebula.NebulaClient;
import dev.nebula.catalog.nebula.NebulaDtos;
import dev.nebula.catalog.nebula.NebulaFailures;
import dev.nebula.catalog.nebula.NebulaRejection;
import dev.nebula.catalog.web.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Import = pre-flight, audit intent, claim the import in the database (the constraint that makes concurrent
 * identical imports collapse to one, across replicas), create the model in Nebula with the user's session,
 * record the outcome. Runs on worker threads.
 */
@ApplicationScoped
public class ImportService {

    private static final Duration NEBULA_WAIT = Duration.ofSeconds(15);
    private static final int MAX_SUFFIX_ATTEMPTS = 20;

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

    public Outcome importModel(ImportApi.ImportRequest request, String idempotencyKey, Caller caller, String nebulaToken) {
        Timer.Sample sample = Timer.start(metrics);
        String result = "failed";
        try {
            Outcome outcome = run(request, idempotencyKey, caller, nebulaToken);
            result = outcome.replayed() ? "replayed" : "created";
            return outcome;
        } catch (ApiException e) {
            result = e.code();
            throw e;
        } finally {
            sample.stop(metrics.timer("catalog.imports", "provider", request.provider(), "outcome", result));
        }
    }

    /** The import's answer; {@code replayed} when an earlier submission's result is returned again. */
    public record Outcome(ImportApi.ImportResult result, boolean replayed) {
    }

    private Outcome run(ImportApi.ImportRequest request, String idempotencyKey, Caller caller, String nebulaToken) {
        if (idempotencyKey != null) {
            var earlier = records.byIdempotencyKey(caller.username(), idempotencyKey);
            if (earlier.isPresent()) {
                return new Outcome(ImportRecords.toApi(earlier.get()), true);
            }
        }
        Preflights.Checked checked = preflights.check(request, nebulaToken);
        if (!checked.preflight().blocking().isEmpty()) {
            var first = checked.preflight().blocking().get(0);
            throw new ApiException(first.code().equals("hub_model_not_found") ? 404 : 422, first.code(), first.message(),
                    Map.of("preflight", checked.preflight()));
        }
        if (request.model_uid() != null && checked.existingUids().contains(request.model_uid())) {
            throw new ApiException(409, "model_exists", "A model with uid '" + request.model_uid() + "' already exists in Nebula.",
                    Map.of("model_uid", request.model_uid()));
        }
        AuditEntry entry = caller.audit("import", new AuditEntry.Target(request.provider(), request.model_id(), request.model_uid()),
                Map.of("engine_type", request.engine_type(), "replicas", request.replicas(), "auto_start", request.auto_start()));
        long intent = audit.intent(entry);
        ImportRecord record;
        try {
            record = records.claim(request, checked, idempotencyKey, caller);
        } catch (ImportRecords.AlreadyClaimed claimed) {
            audit.outcome(intent, entry, AuditLog.FAILED, Map.of("reason", "duplicate", "import_id", claimed.existing().id.toString()));
            if (idempotencyKey != null && idempotencyKey.equals(claimed.existing().idempotencyKey)) {
                return new Outcome(ImportRecords.toApi(claimed.existing()), true);
            }
            throw new ApiException(409, ImportRecord.CREATED.equals(claimed.existing().status) ? "already_imported" : "import_in_progress",
                    "This model is already being imported or was imported as '" + claimed.existing().modelUid + "'. "
                            + "Give a different model_uid to import it again.",
                    Map.of("import_id", claimed.existing().id.toString(), "model_uid", String.valueOf(claimed.existing().modelUid)));
        }
        return new Outcome(create(record, request, checked.existingUids(), caller, nebulaToken, intent, entry), false);
    }

    private ImportApi.ImportResult create(ImportRecord record, ImportApi.ImportRequest request, Set<String> taken,
                                          Caller caller, String nebulaToken, long intent, AuditEntry entry) {
        String base = request.model_uid() != null ? request.model_uid() : ModelUids.fromModelId(request.model_id());
        String uid = base;
        for (int attempt = 1; request.model_uid() == null && taken.contains(uid) && attempt < MAX_SUFFIX_ATTEMPTS; attempt++) {
            uid = ModelUids.withSuffix(base, attempt);
        }
        Map<String, String> labels = new HashMap<>();
        labels.put("catalog.provider", request.provider());
        labels.put("catalog.model-id", request.model_id());
        if (record.revision != null) {
            labels.put("catalog.revision", record.revision);
        }
        labels.put("catalog.imported-by", caller.username());
        labels.put("catalog.import-id", record.id.toString());
        NebulaDtos.CreateModel body = new NebulaDtos.CreateModel(request.model_id(), uid,
                "huggingface".equals(request.provider()) ? "hugging_face" : "model_scope", request.engine_type(), labels,
                request.auto_start(), request.replicas());
        try {
            NebulaDtos.ModelSpec spec = nebula.create(nebulaToken, body).await().atMost(NEBULA_WAIT);
            records.markCreated(record, spec);
            imported.remember(spec.model_uid(), record);
            inventory.invalidate(spec.model_uid()); // the page lists the new model right after this answer
            audit.outcome(intent, entry, AuditLog.SUCCEEDED, Map.of("model_uid", spec.model_uid(), "import_id", record.id.toString()));
            return ImportRecords.toApi(records.reload(record.id));
        } catch (RuntimeException e) {
            ApiException mapped = e instanceof NebulaRejection r && r.status() == 409
                    ? new ApiException(409, "model_exists", "Nebula already has a model with uid '" + uid + "'.", Map.of("model_uid", uid))
                    : NebulaFailures.toApi(e);
            records.markFailed(record, mapped);
            audit.outcome(intent, entry, AuditLog.FAILED, Map.of("code", mapped.code(), "message", mapped.getMessage()));
            throw mapped;
        }
    }

    static Set<String> uids(java.util.List<NebulaDtos.ModelView> models) {
        return models.stream().map(NebulaDtos.ModelView::model_uid).collect(Collectors.toSet());
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }
}
