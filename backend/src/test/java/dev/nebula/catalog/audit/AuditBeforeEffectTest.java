package dev.nebula.catalog.audit;

import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.NebulaSimulatorResource;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * No audit record, no write: when the database refuses the intent row, the import is refused with 503 and
 * nothing reaches Nebula. The refusal is real — a constraint makes PostgreSQL reject this actor's audit inserts.
 */
@QuarkusTest
class AuditBeforeEffectTest {

    @Inject
    EntityManager em;

    @Test
    void refusesTheWriteAndLeavesNebulaUntouchedWhenTheIntentCannotBeStored() {
        String token = Tokens.operator();
        int creates = NebulaSimulatorResource.control().createCalls();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "ALTER TABLE audit_event ADD CONSTRAINT audit_refuses_operator CHECK (actor <> 'operator') NOT VALID").executeUpdate());
        try {
            given().filter(Contract.FILTER).auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("provider", "huggingface", "model_id", "Qwen/Qwen2.5-7B-Instruct", "model_uid", "audit-refused-qwen"))
                    .when().post("/api/v2/catalog/import")
                    .then().statusCode(503).body("error.code", equalTo("audit_unavailable"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "ALTER TABLE audit_event DROP CONSTRAINT audit_refuses_operator").executeUpdate());
        }
        assertEquals(creates, NebulaSimulatorResource.control().createCalls(), "nothing was sent to Nebula");
    }
}
