package dev.nebula.catalog.audit;

import dev.nebula.catalog.support.AuditRows;
import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.Eventually;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class AuditTrailTest {

    @Test
    void deniedAttemptIsRecordedWithActorRoleAndRequestId() {
        given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer()).header("X-Request-Id", "denied-audit-1")
                .when().get("/api/v2/catalog/audit")
                .then().statusCode(403).body("error.code", equalTo("forbidden"));
        List<AuditEvent> rows = AuditRows.awaitByRequestId("denied-audit-1", r -> !r.isEmpty());
        assertEquals(1, rows.size());
        assertEquals("viewer", rows.get(0).actor);
        assertEquals("viewer", rows.get(0).role);
        assertEquals("read_audit", rows.get(0).action);
        assertEquals("denied", rows.get(0).outcome);
    }

    @Test
    void adminReadsNewestFirstAndFiltersByAction() {
        Tokens.login("viewer", "viewer123");
        given().filter(Contract.FILTER).auth().oauth2(Tokens.admin())
                .queryParam("action", "login").queryParam("limit", 5)
                .when().get("/api/v2/catalog/audit")
                .then().statusCode(200)
                .body("items.action", everyItem(equalTo("login")))
                .body("total", greaterThan(0))
                .body("limit", equalTo(5));
        List<Integer> ids = given().filter(Contract.FILTER).auth().oauth2(Tokens.admin())
                .when().get("/api/v2/catalog/audit").then().statusCode(200).extract().path("items.id");
        for (int i = 1; i < ids.size(); i++) {
            org.junit.jupiter.api.Assertions.assertTrue(ids.get(i - 1) > ids.get(i), "newest first");
        }
    }

    @Test
    void anAbsurdlyLongTargetIsStillAuditedWhenDeniedAndRefusedUnauditedOtherwise() {
        String uid = "x".repeat(200);
        given().filter(Contract.BAD_REQUEST).auth().oauth2(Tokens.viewer()).header("X-Request-Id", "long-target-denied")
                .when().delete("/api/v2/catalog/models/" + uid).then().statusCode(403);
        List<AuditEvent> denied = AuditRows.awaitByRequestId("long-target-denied", r -> !r.isEmpty());
        assertEquals("denied", denied.get(0).outcome);
        assertEquals(63, denied.get(0).modelUid.length());
        // an admin may delete, but no model in Nebula can have this uid: 400 before any audit or Nebula call
        given().filter(Contract.BAD_REQUEST).auth().oauth2(Tokens.admin()).header("X-Request-Id", "long-target-admin")
                .when().delete("/api/v2/catalog/models/" + uid).then().statusCode(400)
                .body("error.code", equalTo("invalid_model_uid"));
        assertEquals(List.of(), AuditRows.byRequestId("long-target-admin"));
    }

    @Test
    void rejectsABadTimeFilterNamingTheField() {
        given().filter(Contract.BAD_REQUEST).auth().oauth2(Tokens.admin()).queryParam("from", "yesterday")
                .when().get("/api/v2/catalog/audit")
                .then().statusCode(400).body("error.details.field", equalTo("from"));
    }

    /**
     * A viewer hammering DELETE with 8 KB uids, every one different: before, each 403 stored its full path (8.7 MB for
     * 1,000). Now the first few per actor and action get rows, the rest add to one row's count, and targets are short.
     * An operator of the external issuer of its own, so that other tests' single denials stay rows of their own.
     */
    @Test
    void aFloodOfDeniedAttemptsGrowsTheTrailByABoundedNumberOfShortRows() throws Exception {
        String token = dev.nebula.catalog.support.ExternalIssuer.token("flooding-operator", List.of("gpu-operators"));
        java.time.OffsetDateTime before = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusSeconds(1);
        int flood = 120;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < flood; i++) {
            String uid = i + "-" + "u".repeat(8 * 1024);
            statuses.add(pool.submit(() -> given().auth().oauth2(token).when().delete("/api/v2/catalog/models/" + uid)
                    .then().extract().statusCode()));
        }
        for (var status : statuses) {
            assertEquals(403, status.get());
        }
        pool.shutdown();
        // the same target again and again is one row with a count
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).when().delete("/api/v2/catalog/models/repeated-target").then().statusCode(403);
        }

        List<AuditEvent> rows = Eventually.value(java.time.Duration.ofSeconds(10), () -> denied(before),
                found -> found.stream().mapToInt(r -> r.attempts).sum() >= flood + 5);
        assertEquals(flood + 5, rows.stream().mapToInt(r -> r.attempts).sum(), "every attempt is counted");
        org.junit.jupiter.api.Assertions.assertTrue(rows.size() <= 12, rows.size() + " rows");
        for (AuditEvent row : rows) {
            org.junit.jupiter.api.Assertions.assertTrue(row.details.get("path").toString().length() <= 256);
            org.junit.jupiter.api.Assertions.assertTrue(row.modelUid == null || row.modelUid.length() <= 63);
        }
        AuditEvent merged = rows.stream().filter(r -> r.attempts > 1).findFirst().orElseThrow();
        org.junit.jupiter.api.Assertions.assertNotNull(merged.lastAt);

        // the admin's trail shows the count
        given().filter(Contract.FILTER).auth().oauth2(Tokens.admin()).queryParam("actor", "flooding-operator")
                .queryParam("outcome", "denied").when().get("/api/v2/catalog/audit")
                .then().statusCode(200).body("items.attempts.max()", org.hamcrest.Matchers.greaterThan(1));
    }

    private static List<AuditEvent> denied(java.time.OffsetDateTime since) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "outcome = 'denied' and actor = 'flooding-operator' and action = 'delete' and occurredAt > ?1", since));
    }
}
