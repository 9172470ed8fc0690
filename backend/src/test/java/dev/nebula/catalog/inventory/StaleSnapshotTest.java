package dev.nebula.catalog.inventory;

import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.Eventually;
import dev.nebula.catalog.support.Tokens;
import dev.nebula.sim.chaos.OutageMode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.nebula.catalog.support.NebulaSimulatorResource.control;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class StaleSnapshotTest {

    static JsonPath list() {
        return given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer())
                .when().get("/api/v2/catalog/models").then().statusCode(200).extract().jsonPath();
    }

    /** A slow refresh started by an earlier test may still be in flight; wait it out. */
    static JsonPath freshList() {
        return Eventually.value(Duration.ofSeconds(5), StaleSnapshotTest::list, page -> !page.getBoolean("stale"));
    }

    @Test
    void servesTheLastSnapshotMarkedStaleWhileNebulaIsDown() throws InterruptedException {
        JsonPath fresh = freshList();
        assertEquals(false, fresh.getBoolean("stale"));
        try {
            control().setOutage(true);
            JsonPath stale = list();
            assertEquals(true, stale.getBoolean("stale"));
            assertEquals(fresh.getString("as_of"), stale.getString("as_of"));
            assertEquals(fresh.getInt("total"), stale.getInt("total"));
        } finally {
            control().chaosOff();
        }
    }

    @Test
    void servesTheLastSnapshotMarkedStaleWhenNebulaAnswersMalformedJson() throws InterruptedException {
        JsonPath fresh = freshList();
        try {
            control().setOutage(OutageMode.MALFORMED);
            JsonPath stale = list(); // tests keep no snapshot fresh (fresh-for=0s): this asks Nebula
            assertEquals(true, stale.getBoolean("stale"));
            assertEquals(fresh.getInt("total"), stale.getInt("total"));
        } finally {
            control().chaosOff();
        }
    }

    @Test
    void servesTheLastSnapshotWhenNebulaIsSlow() throws InterruptedException {
        freshList();
        try {
            control().setLatency(2500, 0);
            assertEquals(true, list().getBoolean("stale"));
        } finally {
            control().chaosOff();
        }
    }

    @Test
    void concurrentRequestsShareOneNebulaFetch() throws Exception {
        freshList();
        try {
            control().setLatency(400, 0);
            int before = control().requestCounts().getOrDefault("GET /api/v2/models", 0);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<JsonPath>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(StaleSnapshotTest::list));
            }
            for (Future<JsonPath> f : calls) {
                f.get();
            }
            pool.shutdown();
            int after = control().requestCounts().getOrDefault("GET /api/v2/models", 0);
            assertTrue(after - before <= 2, "8 concurrent lists caused " + (after - before) + " model-list calls");
        } finally {
            control().chaosOff();
        }
    }
}
