package dev.nebula.catalog.audit;

import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit listing shows one row per write: the intent with its outcome folded in. */
@QuarkusTest
class AuditListingTest {

    @Inject
    AuditLog audit;

    private static JsonPath list(Map<String, Object> query) {
        return given().filter(Contract.FILTER).auth().oauth2(Tokens.admin()).queryParams(query)
                .when().get("/api/v2/catalog/audit").then().statusCode(200).extract().jsonPath();
    }

    private static AuditEntry entry(String actor, String uid) {
        return new AuditEntry(actor, "admin", "127.0.0.1", "req-" + UUID.randomUUID().toString().substring(0, 8),
                "delete", new AuditEntry.Target(null, null, uid), Map.of("freed_bytes_expected", 17_120_000_000L));
    }

    @Test
    void aWriteIsOneRowWithItsOutcomeCompletionTimeAndTheDetailsOfBoth() {
        String actor = "fold-" + UUID.randomUUID().toString().substring(0, 8);
        AuditEntry delete = entry(actor, "qwen-fold");
        long intent = audit.intent(delete);
        audit.outcome(intent, delete, AuditLog.SUCCEEDED, Map.of("gc_queued_nodes", 3));

        JsonPath page = list(Map.of("actor", actor));
        assertEquals(1, page.getInt("total"), "one row for the write, not an intent and an outcome");
        List<Map<String, Object>> items = page.getList("items");
        assertEquals(1, items.size());
        Map<String, Object> row = items.get(0);
        assertEquals(intent, ((Number) row.get("id")).longValue(), "the row is the intent");
        assertEquals("succeeded", row.get("outcome"));
        assertNull(row.get("correlates_to"));
        assertNotNull(row.get("completed_at"));
        assertTrue(row.get("completed_at").toString().compareTo(row.get("occurred_at").toString()) >= 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) row.get("details");
        assertEquals(17_120_000_000L, ((Number) details.get("freed_bytes_expected")).longValue(), "the intent's detail");
        assertEquals(3, ((Number) details.get("gc_queued_nodes")).intValue(), "the outcome's detail");
    }

    @Test
    void aWriteStillUnderWayReadsAcceptedWithoutCompletionTime() {
        String actor = "open-" + UUID.randomUUID().toString().substring(0, 8);
        audit.intent(entry(actor, "qwen-open"));
        Map<String, Object> row = list(Map.of("actor", actor)).<Map<String, Object>>getList("items").get(0);
        assertEquals("accepted", row.get("outcome"));
        assertNull(row.get("completed_at"));
    }

    @Test
    void theOutcomeFilterMatchesTheFoldedOutcome() {
        String actor = "filter-" + UUID.randomUUID().toString().substring(0, 8);
        AuditEntry failed = entry(actor, "qwen-failed");
        audit.outcome(audit.intent(failed), failed, AuditLog.FAILED, Map.of("error", "nebula_unavailable"));
        audit.intent(entry(actor, "qwen-pending"));

        assertEquals(List.of("qwen-failed"), list(Map.of("actor", actor, "outcome", "failed")).getList("items.model_uid"));
        assertEquals(List.of("qwen-pending"), list(Map.of("actor", actor, "outcome", "accepted")).getList("items.model_uid"));
        assertEquals(0, list(Map.of("actor", actor, "outcome", "succeeded")).getInt("total"));
        assertEquals(2, list(Map.of("actor", actor)).getInt("total"));
    }
}
