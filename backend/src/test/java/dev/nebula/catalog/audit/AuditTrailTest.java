package dev.nebula.catalog.audit;

import dev.nebula.catalog.support.AuditRows;
import dev.nebula.catalog.support.Contract;
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
    void anAbsurdlyLongTargetIsStillAuditedAndNeverBreaksTheRequest() {
        String uid = "x".repeat(200);
        given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer()).header("X-Request-Id", "long-target-denied")
                .when().delete("/api/v2/catalog/models/" + uid).then().statusCode(403);
        List<AuditEvent> denied = AuditRows.awaitByRequestId("long-target-denied", r -> !r.isEmpty());
        assertEquals("denied", denied.get(0).outcome);
        assertEquals(63, denied.get(0).modelUid.length());
        given().filter(Contract.FILTER).auth().oauth2(Tokens.admin()).header("X-Request-Id", "long-target-admin")
                .when().delete("/api/v2/catalog/models/" + uid).then().statusCode(404);
        assertEquals(List.of("accepted", "failed"),
                AuditRows.byRequestId("long-target-admin").stream().map(r -> r.outcome).toList());
    }

    @Test
    void rejectsABadTimeFilterNamingTheField() {
        given().filter(Contract.BAD_REQUEST).auth().oauth2(Tokens.admin()).queryParam("from", "yesterday")
                .when().get("/api/v2/catalog/audit")
                .then().statusCode(400).body("error.details.field", equalTo("from"));
    }
}
