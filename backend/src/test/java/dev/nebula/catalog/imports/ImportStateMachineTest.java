package dev.nebula.catalog.imports;

import dev.nebula.catalog.audit.AuditEntry;
import dev.nebula.catalog.audit.AuditEvent;
import dev.nebula.catalog.audit.AuditLog;
import dev.nebula.catalog.support.AuditRows;
import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.NebulaSimulatorResource;
import dev.nebula.catalog.support.SimModels;
import dev.nebula.catalog.support.Tokens;
import dev.nebula.sim.chaos.WriteAnswer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import state machine (docs/imports.md), one test per way an import used to duplicate, stick or mislabel. */
@QuarkusTest
class ImportStateMachineTest {

    /** On Hugging Face only, and in no node's cache: deleting its models frees no demo model's files. */
    private static final String MODEL = "Qwen/Qwen3-8B";
    /** On both hubs, and cached on demo nodes: its models are left in place (a delete would free the demo's files). */
    private static final String BOTH_HUBS = "Qwen/Qwen2.5-7B-Instruct";

    @Inject
    ImportRecovery recovery;

    @Inject
    AuditLog audit;

    /** Models this test made in Nebula: removed afterwards, so other tests see the demo cluster's joins unchanged. */
    private final List<String> made = new java.util.ArrayList<>();

    @AfterEach
    void calm() {
        NebulaSimulatorResource.control().setWriteAnswer(WriteAnswer.NORMAL, 0);
        made.forEach(SimModels::delete);
    }

    /** (1) Nebula applies the create but answers after our read timeout: one model, the import reads created. */
    @Test
    void aCreateAnsweredTooLateIsCreatedNotFailedAndARetryMakesNoSecondModel() {
        String uid = made(SimModels.unique("late"));
        int creates = NebulaSimulatorResource.control().createCalls();
        NebulaSimulatorResource.control().setWriteAnswer(WriteAnswer.DELAY, 7_000); // read timeout in tests: 4 s
        Response first = importAs(Map.of("provider", "hf", "model_id", MODEL, "model_uid", uid), "late-" + uid);
        first.then().statusCode(201).body("status", equalTo("created")).body("model_uid", equalTo(uid));
        NebulaSimulatorResource.control().setWriteAnswer(WriteAnswer.NORMAL, 0);
        importAs(Map.of("provider", "hf", "model_id", MODEL, "model_uid", uid), "late-retry-" + uid)
                .then().statusCode(409).body("error.code", equalTo("already_imported"));
        importAs(Map.of("provider", "hf", "model_id", MODEL, "model_uid", uid), "late-" + uid)
                .then().statusCode(201).header("Idempotency-Replayed", "true").body("status", equalTo("created"));
        assertEquals(1, modelsNamedLike(uid), "exactly one model in Nebula");
        String importId = first.path("import_id");
        List<String> outcomes = AuditRows.byRequestId(first.header("X-Request-Id")).stream().map(r -> r.outcome).toList();
        assertEquals(List.of("accepted", "succeeded"), outcomes, "the intent has its outcome");
        assertNotNull(importId);
        // The simulator logs the create when its held answer finally goes out, 7 s after it arrived: wait for that,
        // or a later test counting creates (ImportTest) sees this one land in the middle of its own.
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        while (NebulaSimulatorResource.control().createCalls() < creates + 1 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
        }
        assertEquals(creates + 1, NebulaSimulatorResource.control().createCalls(), "one create, held and then answered");
    }

    /** (1) The connection is reset after the create was sent: the same, through the resolution against Nebula. */
    @Test
    void aDroppedAnswerIsResolvedAgainstNebula() {
        String uid = SimModels.unique("dropped");
        NebulaSimulatorResource.control().setWriteAnswer(WriteAnswer.DROP, 0);
        importAs(Map.of("provider", "modelscope", "model_id", BOTH_HUBS, "model_uid", uid), null)
                .then().statusCode(201).body("status", equalTo("created"));
        assertEquals(1, modelsNamedLike(uid));
    }

    /** (2) The service died while Nebula held the create: the recovery settles the record and its audit intent. */
    @Test
    void recoverySettlesImportsLeftSubmittedByACrash() {
        String uid = made(SimModels.unique("crashed"));
        UUID held = UUID.randomUUID();
        createInSim(uid, Map.of("catalog.import-id", held.toString()));
        long heldIntent = submittedRecord(held, uid, "crash-held-" + uid);
        UUID never = UUID.randomUUID();
        String neverUid = made(SimModels.unique("never"));
        long neverIntent = submittedRecord(never, neverUid, "crash-never-" + uid);

        recovery.recover();

        assertEquals("created", record(held).status);
        assertEquals(uid, record(held).modelUid);
        assertEquals("absent", record(never).status, "a create Nebula never got leaves the claim free");
        AuditEvent heldOutcome = outcomeOf(heldIntent);
        assertEquals("succeeded", heldOutcome.outcome);
        assertEquals("resolved after restart: created", heldOutcome.details.get("resolution"));
        assertEquals("failed", outcomeOf(neverIntent).outcome);
        assertEquals("resolved after restart: absent", outcomeOf(neverIntent).details.get("resolution"));
        recovery.recover();
        assertEquals(1, outcomes(heldIntent), "exactly one outcome, however often recovery runs");
        importAs(Map.of("provider", "hf", "model_id", MODEL, "model_uid", neverUid), null)
                .then().statusCode(201).body("status", equalTo("created"));
    }

    /** (3) Deleted through the catalog, or behind its back: the record is removed and the model can come back. */
    @Test
    void aDeletedModelCanBeImportedAgain() {
        String uid = made(SimModels.unique("back"));
        Map<String, Object> body = Map.of("provider", "hf", "model_id", MODEL, "model_uid", uid);
        String firstId = importAs(body, null).then().statusCode(201).extract().path("import_id");
        given().filter(Contract.FILTER).auth().oauth2(Tokens.admin()).when().delete("/api/v2/catalog/models/" + uid)
                .then().statusCode(200);
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v2/catalog/imports/" + firstId)
                .then().statusCode(200).body("status", equalTo("removed"));
        importAs(body, null).then().statusCode(201).body("status", equalTo("created"));

        SimModels.delete(uid); // Nebula's own UI or CLI
        given().filter(Contract.FILTER).auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v2/catalog/import/preflight")
                .then().statusCode(200).body("blocking.code", not(hasItem("already_imported")));
        importAs(body, null).then().statusCode(201).body("status", equalTo("created"));
    }

    /** (4) Nebula fetches the default branch only: another revision is refused, and the label names the real sha. */
    @Test
    void aRevisionNebulaCannotFetchIsRefusedAndTheLabelIsThePinnedSha() {
        String uid = made(SimModels.unique("rev"));
        String rid = "rev-refused-" + uid;
        given().filter(Contract.FILTER).auth().oauth2(Tokens.operator()).header("X-Request-Id", rid)
                .contentType(ContentType.JSON)
                .body(Map.of("provider", "hf", "model_id", MODEL, "model_uid", uid, "revision", "v0.1-old-tag"))
                .when().post("/api/v2/catalog/import")
                .then().statusCode(422).body("error.code", equalTo("revision_not_supported"));
        assertEquals(List.of("refused"), AuditRows.byRequestId(rid).stream().map(r -> r.outcome).toList());
        assertEquals(0, modelsNamedLike(uid));
        String revision = importAs(Map.of("provider", "hf", "model_id", MODEL, "model_uid", uid, "revision", "main"), null)
                .then().statusCode(201).extract().path("revision");
        assertTrue(revision.matches("[0-9a-f]{40}"), revision);
        assertTrue(lastCreateBody().contains("\"catalog.revision\":\"" + revision + "\""), lastCreateBody());
    }

    /** (5) The audit target names the generated uid; a refused import leaves a row. */
    @Test
    void everyAttemptIsAuditedWithTheUidActuallyUsed() {
        String rid = "audit-generated-" + UUID.randomUUID();
        String uid = given().filter(Contract.FILTER).auth().oauth2(Tokens.operator()).header("X-Request-Id", rid)
                .contentType(ContentType.JSON).body(Map.of("provider", "modelscope", "model_id", BOTH_HUBS))
                .when().post("/api/v2/catalog/import").then().statusCode(201).extract().path("model_uid");
        List<AuditEvent> rows = AuditRows.byRequestId(rid);
        assertEquals(uid, rows.get(0).modelUid, "the intent names the generated uid");
        String refused = "audit-exists-" + UUID.randomUUID();
        given().filter(Contract.FILTER).auth().oauth2(Tokens.operator()).header("X-Request-Id", refused)
                .contentType(ContentType.JSON).body(Map.of("provider", "hf", "model_id", MODEL, "model_uid", "bge-m3"))
                .when().post("/api/v2/catalog/import").then().statusCode(409).body("error.code", equalTo("model_exists"));
        List<AuditEvent> refusal = AuditRows.byRequestId(refused);
        assertEquals(List.of("refused"), refusal.stream().map(r -> r.outcome).toList());
        assertEquals("bge-m3", refusal.get(0).modelUid);
        assertEquals("model_exists", refusal.get(0).details.get("code"));
    }

    /** (6) The design's spelling: provider=hf searches, describes, pre-flights and imports; answers say huggingface. */
    @Test
    void theDesignsProviderSpellingWorksEverywhere() {
        given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer()).queryParam("provider", "hf").queryParam("q", "qwen")
                .when().get("/api/v2/catalog/search").then().statusCode(200).body("provider", equalTo("huggingface"));
        given().filter(Contract.FILTER).auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("provider", "hf", "model_id", MODEL))
                .when().post("/api/v2/catalog/import/preflight").then().statusCode(200)
                .body("provider", equalTo("huggingface"));
        String uid = made(SimModels.unique("hf"));
        importAs(Map.of("provider", "hf", "model_id", MODEL, "model_uid", uid), null)
                .then().statusCode(201).body("provider", equalTo("huggingface"));
        assertTrue(lastCreateBody().contains("\"model_source\":\"hugging_face\""), lastCreateBody());
    }

    private String made(String uid) {
        made.add(uid);
        return uid;
    }

    private static Response importAs(Map<String, Object> body, String idempotencyKey) {
        var request = given().filter(Contract.FILTER).auth().oauth2(Tokens.operator()).contentType(ContentType.JSON);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body(body).when().post("/api/v2/catalog/import");
    }

    private static long modelsNamedLike(String uid) {
        return NebulaSimulatorResource.control().describe().get("models") instanceof Map<?, ?> models
                ? models.keySet().stream().filter(k -> String.valueOf(k).startsWith(uid)).count() : -1;
    }

    private static void createInSim(String uid, Map<String, String> labels) {
        Map<String, Object> body = new HashMap<>();
        body.put("model_uid", uid);
        body.put("model_name", MODEL);
        body.put("auto_start", false);
        body.put("labels", labels);
        given().baseUri(NebulaSimulatorResource.baseUrl()).auth().oauth2(NebulaSimulatorResource.control().tokenFor("admin"))
                .contentType(ContentType.JSON).body(body).when().post("/api/v2/models").then().statusCode(201);
    }

    /** What a crash between sending the create and hearing its answer leaves: a submitted record and a bare intent. */
    private long submittedRecord(UUID id, String sentUid, String requestId) {
        long intent = audit.intent(new AuditEntry("operator", "operator", "127.0.0.1", requestId, "import",
                new AuditEntry.Target("huggingface", MODEL, sentUid), Map.of()));
        OffsetDateTime longAgo = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5);
        QuarkusTransaction.requiringNew().run(() -> {
            ImportRecord r = new ImportRecord();
            r.id = id;
            r.provider = "huggingface";
            r.modelId = MODEL;
            r.requestedUid = sentUid;
            r.sentUid = sentUid;
            r.engineType = "vllm";
            r.replicas = 1;
            r.autoStart = false;
            r.status = ImportRecord.SUBMITTED;
            r.actor = "operator";
            r.requestId = requestId;
            r.auditIntent = intent;
            r.createdAt = longAgo;
            r.updatedAt = longAgo;
            r.persist();
        });
        return intent;
    }

    private static ImportRecord record(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ImportRecord.<ImportRecord>findById(id));
    }

    private static AuditEvent outcomeOf(long intent) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find("correlatesTo", intent).firstResult());
    }

    private static long outcomes(long intent) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("correlatesTo", intent));
    }

    private static String lastCreateBody() {
        List<String> bodies = NebulaSimulatorResource.control().createRequestBodies();
        return bodies.get(bodies.size() - 1);
    }
}
