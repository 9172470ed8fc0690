package dev.nebula.catalog.inventory;

import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.SimModels;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What block A knows beyond Nebula's answer: when a model last served, and files of a model being removed. */
@QuarkusTest
class ModelActivityTest {

    private static List<Map<String, Object>> rowsNamed(String name) {
        List<Map<String, Object>> items = given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer())
                .queryParam("q", name).queryParam("limit", 100)
                .when().get("/api/v2/catalog/models").then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(r -> name.equals(r.get("model_name"))).toList();
    }

    private static Map<String, Object> runningRow(String uid, String name) {
        Map<String, Object> row = DownloadProgressTest.rowOf(uid);
        for (int i = 0; i < 12 && !"running".equals(row.get("state")); i++) {
            SimModels.advance(Duration.ofSeconds(30));
            row = DownloadProgressTest.rowOf(uid);
        }
        assertEquals("running", row.get("state"), row.toString());
        return row;
    }

    /** "Last used" was Nebula's scan time: every row showed the same minute, never-started models included. */
    @Test
    void lastSeenRunningIsKnownOnlyForModelsThatServedAndOutlivesTheStop() {
        String idle = SimModels.unique("act-idle");
        String served = SimModels.unique("act-served");
        SimModels.create(idle, "act-test/" + idle, false, null);
        SimModels.create(served, "act-test/" + served + "-0.5B", true, null);
        try {
            Map<String, Object> running = runningRow(served, "act-test/" + served + "-0.5B");
            assertNotNull(running.get("last_seen_running"), running.toString());
            assertEquals("vllm", running.get("engine_type") == null ? "vllm" : running.get("engine_type"));
            List<?> endpoints = (List<?>) running.get("endpoints");
            assertEquals(1, endpoints.size(), running.toString());
            assertEquals("ready", ((Map<?, ?>) endpoints.get(0)).get("status"));
            assertNull(DownloadProgressTest.rowOf(idle).get("last_seen_running"), "never started: nothing to show");

            SimModels.stop(served);
            SimModels.advance(Duration.ofMinutes(2));
            Map<String, Object> stopped = DownloadProgressTest.rowOf(served);
            assertEquals("stopped", stopped.get("state"), stopped.toString());
            Instant last = Instant.parse((String) stopped.get("last_seen_running"));
            assertTrue(!last.isBefore(Instant.parse((String) running.get("last_seen_running"))), stopped.toString());
            assertEquals(List.of(), stopped.get("endpoints"));
        } finally {
            SimModels.delete(idle);
            SimModels.delete(served);
        }
    }

    /** A deleted model reappeared at once as a 1 GB cache-only row, Delete offered, until Nebula's GC ran. */
    @Test
    @SuppressWarnings("unchecked")
    void filesOfAModelDeletedHereReadBeingRemovedUntilNebulasGcTakesThem() {
        String uid = SimModels.unique("act-del");
        String name = "act-test/" + uid + "-0.5B";
        SimModels.create(uid, name, true, null);
        Map<String, Object> before = runningRow(uid, name);
        for (int i = 0; i < 10 && ((List<?>) before.get("nodes")).isEmpty(); i++) {
            SimModels.advance(Duration.ofSeconds(30)); // until a cache scan has reported its files
            before = DownloadProgressTest.rowOf(uid);
        }
        assertTrue(!((List<?>) before.get("nodes")).isEmpty(), before.toString());
        given().filter(Contract.FILTER).auth().oauth2(Tokens.admin())
                .when().delete("/api/v2/catalog/models/" + uid).then().statusCode(200);

        List<Map<String, Object>> rows = rowsNamed(name);
        assertEquals(1, rows.size(), rows + " of " + given().auth().oauth2(Tokens.viewer()).queryParam("q", uid)
                .when().get("/api/v2/catalog/models").then().extract().body().asString());
        Map<String, Object> removing = rows.get(0);
        assertNull(removing.get("model_uid"));
        assertEquals("removing", removing.get("state"));
        assertEquals("huggingface", removing.get("source"));
        assertEquals(false, removing.get("deletable"));
        assertEquals("gc_pending", ((List<Map<String, Object>>) removing.get("delete_blocked_by")).get(0).get("code"));

        // the state filter finds them too
        List<Map<String, Object>> filtered = given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer())
                .queryParam("state", "removing").when().get("/api/v2/catalog/models").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertTrue(filtered.stream().anyMatch(r -> name.equals(r.get("model_name"))), filtered.toString());

        SimModels.advance(Duration.ofMinutes(3)); // the simulator collects garbage 60 s after a delete
        assertEquals(List.of(), rowsNamed(name), "gone once Nebula removed the files");
    }
}
