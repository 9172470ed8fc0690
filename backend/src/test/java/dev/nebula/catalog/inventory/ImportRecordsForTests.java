package dev.nebula.catalog.inventory;

import dev.nebula.catalog.imports.ImportRecord;
import dev.nebula.catalog.imports.ImportedModels;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Writes the import record an import of this uid would have left (real table), then refreshes what block A knows of imports. */
final class ImportRecordsForTests {

    private ImportRecordsForTests() {
    }

    static void created(String uid, long expectedBytes) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImportRecord r = new ImportRecord();
            r.id = UUID.randomUUID();
            r.provider = "huggingface";
            r.modelId = "inv-test/" + uid;
            r.requestedUid = uid;
            r.modelUid = uid;
            r.expectedBytes = expectedBytes;
            r.engineType = "vllm";
            r.replicas = 1;
            r.autoStart = true;
            r.status = ImportRecord.CREATED;
            r.actor = "operator";
            r.requestId = "test-" + uid;
            r.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            r.updatedAt = r.createdAt;
            r.persist();
        });
        Arc.container().instance(ImportedModels.class).get().reload();
    }
}
