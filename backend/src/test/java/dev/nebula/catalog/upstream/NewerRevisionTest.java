package dev.nebula.catalog.upstream;

import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.HubModels;
import dev.nebula.catalog.support.HubStubs;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Block A says when the hub's default branch has moved past an imported model's pinned revision. */
@QuarkusTest
class NewerRevisionTest {

    static final long GB = 1_000_000_000L;

    @Inject
    UpstreamChecks checks;

    static void importModel(String id, String uid) {
        given().filter(Contract.FILTER).auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("provider", "huggingface", "model_id", id, "model_uid", uid, "auto_start", false))
                .when().post("/api/v2/catalog/import").then().statusCode(201);
    }

    static JsonPath row(String uid) {
        return given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer()).queryParam("q", uid)
                .when().get("/api/v2/catalog/models").then().statusCode(200).extract().jsonPath();
    }

    /** Runs until every imported model has been asked about (each run is bounded). */
    void checkAll() {
        while (checks.runOnce() > 0) {
            // the next run takes the models this one had no budget left for
        }
    }

    @Test
    void aModelWhoseHubMovedOnSaysSoAndTheHubIsAskedOncePerTenMinutes() {
        String moved = "acme-up/Drift-7B";
        String same = "acme-up/Steady-7B";
        String pinned = "1111111111111111111111111111111111111111";
        HubModels.huggingFace(moved, pinned, 7 * GB);
        HubModels.huggingFace(same, pinned, 7 * GB);
        importModel(moved, "up-drift");
        importModel(same, "up-steady");
        assertEquals(pinned, row("up-drift").getString("items[0].revision"));
        assertNull(row("up-drift").get("items[0].newer_revision"), "nothing is known before the hub was asked");

        String head = "2222222222222222222222222222222222222222";
        HubModels.huggingFaceHead(moved, head, "2026-11-30T08:00:00.000Z");
        HubModels.huggingFaceHead(same, pinned, "2025-01-12T02:10:10.000Z");
        int hubCallsBeforeList = HubStubs.server().getAllServeEvents().size();
        row("up-drift");
        assertEquals(hubCallsBeforeList, HubStubs.server().getAllServeEvents().size(), "listing never asks a hub");

        checkAll();
        JsonPath drift = row("up-drift");
        assertEquals(head, drift.getString("items[0].newer_revision.sha"));
        assertEquals("2026-11-30T08:00:00Z", drift.getString("items[0].newer_revision.date"));
        assertEquals(pinned, drift.getString("items[0].revision"), "the model still runs the pinned revision");
        assertNull(row("up-steady").get("items[0].newer_revision"), "the hub has not moved");
        assertEquals(1, HubModels.headCalls(moved));

        checkAll();
        assertEquals(1, HubModels.headCalls(moved), "asked again only after ten minutes");
        assertEquals(1, HubModels.headCalls(same));
    }
}
