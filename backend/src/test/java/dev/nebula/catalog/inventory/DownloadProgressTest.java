package dev.nebula.catalog.inventory;

import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.SimModels;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.nebula.catalog.support.NebulaSimulatorResource.control;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Progress, failure reasons and transitions, on models each test creates for itself. */
@QuarkusTest
class DownloadProgressTest {

    static Map<String, Object> rowOf(String uid) {
        JsonPath page = given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer()).queryParam("q", uid)
                .when().get("/api/v2/catalog/models").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().filter(r -> uid.equals(r.get("model_uid"))).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + uid));
    }

    static JsonPath detailOf(String uid) {
        return given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer())
                .when().get("/api/v2/catalog/models/" + uid).then().statusCode(200).extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> progress(Map<String, Object> row) {
        return (Map<String, Object>) row.get("progress");
    }

    @Test
    void downloadWithoutAKnownTotalShowsBytesAndFilesButNoPercent() {
        String uid = SimModels.unique("inv-nototal");
        try {
            SimModels.create(uid, "inv-test/" + uid + "-70B", true, null);
            SimModels.advance(Duration.ofSeconds(4));
            rowOf(uid);
            SimModels.advance(Duration.ofSeconds(3));
            Map<String, Object> row = rowOf(uid);
            assertEquals("downloading", row.get("state"));
            Map<String, Object> p = progress(row);
            assertEquals("downloading", p.get("phase"));
            assertNull(p.get("percent"));
            assertEquals(false, p.get("total_known"));
            assertNull(p.get("total_bytes"));
            assertNull(p.get("eta_seconds"));
            assertTrue(((Number) p.get("downloaded_bytes")).longValue() > 0);
            assertTrue(((Number) p.get("files_done")).longValue() >= 0);
            assertNotNull(p.get("speed_bytes_per_sec"), "two samples give a speed");
            assertEquals(1, ((List<?>) p.get("replicas")).size());
        } finally {
            SimModels.delete(uid);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPartialCopyNebulasScannerCallsCompleteIsNotTakenAsTheTotal() {
        String uid = SimModels.unique("inv-early");
        control().setScannerEarlyComplete(true); // as upstream: snapshots/ and config.json make a copy "complete"
        try {
            SimModels.create(uid, "inv-test/" + uid + "-70B", true, null);
            SimModels.advance(Duration.ofSeconds(4));
            rowOf(uid);
            SimModels.advance(Duration.ofSeconds(70)); // a scan (every 60 s) has published the partial copy
            Map<String, Object> row = rowOf(uid);
            assertEquals("downloading", row.get("state"));
            List<Map<String, Object>> nodes = (List<Map<String, Object>>) row.get("nodes");
            assertTrue(nodes.stream().anyMatch(n -> Boolean.TRUE.equals(n.get("complete"))),
                    "the partial copy reads complete, as Nebula reports it: " + nodes);
            Map<String, Object> p = progress(row);
            assertEquals("downloading", p.get("phase"));
            assertEquals(false, p.get("total_known"), "no false total: " + p);
            assertNull(p.get("percent"));
            assertNull(p.get("eta_seconds"));
        } finally {
            control().setScannerEarlyComplete(false);
            SimModels.delete(uid);
        }
    }

    @Test
    void downloadWithAKnownTotalShowsPercentAndEta() {
        String uid = SimModels.unique("inv-total");
        ImportRecordsForTests.created(uid, 149_800_000_000L);
        try {
            SimModels.create(uid, "inv-test/" + uid + "-70B", true, null);
            SimModels.advance(Duration.ofSeconds(4));
            Map<String, Object> row = rowOf(uid);
            // block A says who imported it and when, from the same import record
            assertEquals("operator", row.get("imported_by"));
            assertTrue(String.valueOf(row.get("imported_at")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), "imported_at " + row.get("imported_at"));
            SimModels.advance(Duration.ofSeconds(6));
            Map<String, Object> p = progress(rowOf(uid));
            assertEquals(true, p.get("total_known"));
            double percent = ((Number) p.get("percent")).doubleValue();
            assertTrue(percent > 0 && percent <= 100, "percent " + percent);
            assertEquals(149_800_000_000L, ((Number) p.get("total_bytes")).longValue());
            assertTrue(((Number) p.get("eta_seconds")).longValue() > 0);
        } finally {
            SimModels.delete(uid);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void failedDownloadKeepsItsReasonAfterNebulasRecordExpired() {
        String uid = SimModels.unique("inv-fail");
        String name = "inv-test/" + uid;
        control().addFailureRule("^" + name + "$", dev.nebula.sim.chaos.FailureKind.DOWNLOAD_FAIL);
        try {
            SimModels.create(uid, name, true, null);
            boolean seenFailed = false;
            for (int i = 0; i < 20 && !seenFailed; i++) {
                SimModels.advance(Duration.ofSeconds(2));
                List<Map<String, Object>> obs = detailOf(uid).getList("observations");
                seenFailed = obs.stream().anyMatch(o -> "download_failed".equals(o.get("kind")));
            }
            assertTrue(seenFailed, "the failed record was observed while it existed");
            // Nebula's record expires after 30 s; its failed timer fires 300 s after the start.
            SimModels.advance(Duration.ofMinutes(6));
            Map<String, Object> row = rowOf(uid);
            assertEquals("failed", row.get("state"));
            assertNull(row.get("progress"), "Nebula's record is gone");
            Map<String, Object> error = (Map<String, Object>) row.get("error");
            assertTrue(((String) error.get("summary")).startsWith("Download failed on "), error.toString());
            assertNotNull(error.get("since"));
            List<Map<String, Object>> timeline = detailOf(uid).getList("observations");
            assertEquals("model_failed", timeline.get(0).get("kind"), "newest first");
            assertTrue(timeline.stream().anyMatch(o -> "download_failed".equals(o.get("kind"))));
        } finally {
            SimModels.delete(uid);
        }
    }

    /** It read "Starting" for 5 minutes with a frozen bar: Nebula's state waits for its failed timer, ours need not. */
    @Test
    @SuppressWarnings("unchecked")
    void aDownloadWhoseEveryReplicaFailedReadsFailedAtOnce() {
        String uid = SimModels.unique("inv-failnow");
        String name = "inv-test/" + uid;
        control().addFailureRule("^" + name + "$", dev.nebula.sim.chaos.FailureKind.DOWNLOAD_FAIL);
        try {
            SimModels.create(uid, name, true, null);
            Map<String, Object> row = rowOf(uid);
            for (int i = 0; i < 20 && row.get("error") == null; i++) {
                SimModels.advance(Duration.ofSeconds(2));
                row = rowOf(uid);
            }
            assertEquals("download_failed", ((Map<String, Object>) row.get("error")).get("code"), row.toString());
            assertEquals("failed", row.get("state"), "well before Nebula's 5-minute timer: " + row);
            // Nebula's record expires (30 s); Nebula still says starting, the row still says failed, and why
            SimModels.advance(Duration.ofSeconds(60));
            row = rowOf(uid);
            assertEquals("failed", row.get("state"), row.toString());
            assertEquals("download_failed", ((Map<String, Object>) row.get("error")).get("code"));
        } finally {
            SimModels.delete(uid);
        }
    }

    @Test
    void stoppingModelIsShownAsStopping() {
        String uid = SimModels.unique("inv-stop");
        try {
            SimModels.create(uid, "inv-test/" + uid + "-0.5B", true, null);
            // about 20 simulated seconds to download 1 GB and start; allow more in case earlier tests left the
            // shared simulator's nodes busier
            Map<String, Object> row = rowOf(uid);
            for (int i = 0; i < 10 && !"running".equals(row.get("state")); i++) {
                SimModels.advance(Duration.ofSeconds(30));
                row = rowOf(uid);
            }
            assertEquals("running", row.get("state"), row.toString());
            SimModels.stop(uid);
            assertEquals("stopping", rowOf(uid).get("state"));
        } finally {
            SimModels.delete(uid);
        }
    }

    @Test
    void unknownModelDetailIs404() {
        given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer())
                .when().get("/api/v2/catalog/models/no-such-model-here")
                .then().statusCode(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void detailCarriesCopiesWithPathsAndLayouts() {
        JsonPath d = detailOf("qwen-qwen2-5-7b-instruct");
        List<Map<String, Object>> copies = d.getList("copies");
        assertTrue(copies.stream().anyMatch(c -> "plain".equals(c.get("layout")) && "gpu-node-01".equals(c.get("node_id"))));
        assertTrue(copies.stream().anyMatch(c -> "huggingface".equals(c.get("layout"))));
        assertEquals("qwen-qwen2-5-7b-instruct", d.getString("model.model_uid"));
    }
}
