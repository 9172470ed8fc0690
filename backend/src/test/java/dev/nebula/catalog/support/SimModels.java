package dev.nebula.catalog.support;

import io.restassured.http.ContentType;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Models a test creates for itself, straight in the simulator (as another Nebula client would), so destructive
 * tests never touch the demo models other tests rely on. Names are unique per call.
 */
public final class SimModels {

    private SimModels() {
    }

    /**
     * A random suffix led by a letter: a suffix such as "8250116b" reads as a parameter count to the simulator, which
     * sizes a model by the first "<number>b" in its name, and made a "…-0.5B" test model 8 PB (a flaky test).
     */
    public static String unique(String prefix) {
        return prefix + "-x" + UUID.randomUUID().toString().substring(0, 7);
    }

    /** Creates {@code name} under {@code uid}; with autoStart it is scheduled at once. */
    public static void create(String uid, String name, boolean autoStart, String nodeId) {
        Map<String, Object> body = new HashMap<>();
        body.put("model_uid", uid);
        body.put("model_name", name);
        body.put("auto_start", autoStart);
        if (nodeId != null) {
            body.put("node_id", nodeId);
        }
        given().baseUri(NebulaSimulatorResource.baseUrl()).auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(body).when().post("/api/v2/models").then().statusCode(201);
    }

    public static void stop(String uid) {
        given().baseUri(NebulaSimulatorResource.baseUrl()).auth().oauth2(admin())
                .when().post("/api/v2/models/" + uid + "/stop").then().statusCode(200);
    }

    /** Cleanup: removes a model this test created (never a demo model). */
    public static void delete(String uid) {
        given().baseUri(NebulaSimulatorResource.baseUrl()).auth().oauth2(admin())
                .when().delete("/api/v2/models/" + uid);
    }

    public static void advance(Duration d) {
        NebulaSimulatorResource.control().advance(d);
    }

    private static String admin() {
        return NebulaSimulatorResource.control().tokenFor("admin");
    }
}
