package dev.nebula.catalog.inventory;

import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Search results say which hub models the cluster already holds, from block A's data. */
@QuarkusTest
class InClusterMarkerTest {

    @Test
    void marksAHubModelTheClusterAlreadyRuns() {
        given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer()).when().get("/api/v2/catalog/models")
                .then().statusCode(200);
        given().filter(Contract.FILTER).auth().oauth2(Tokens.viewer())
                .queryParam("provider", "huggingface").queryParam("q", "qwen")
                .when().get("/api/v2/catalog/search")
                .then().statusCode(200)
                .body("items.find { it.id == 'Qwen/Qwen2.5-7B-Instruct' }.in_cluster.held", equalTo(true))
                .body("items.find { it.id == 'Qwen/Qwen2.5-7B-Instruct' }.in_cluster.model_uids", hasItem("qwen-qwen2-5-7b-instruct"))
                // (not Qwen3-8B: the browser's import flow downloads that one into the shared simulator)
                .body("items.find { it.id == 'Qwen/Qwen2.5-VL-7B-Instruct' }.in_cluster.held", equalTo(false))
                // files only, fetched from ModelScope onto gpu-node-02: no badge before, while the import dialog then
                // said its files were there; both now say so
                .body("items.find { it.id == 'Qwen/Qwen2.5-1.5B-Instruct' }.in_cluster.held", equalTo(true))
                .body("items.find { it.id == 'Qwen/Qwen2.5-1.5B-Instruct' }.in_cluster.model_uids.size()", equalTo(0))
                .body("items.find { it.id == 'Qwen/Qwen2.5-1.5B-Instruct' }.in_cluster.nodes", hasItem("gpu-node-02"));
    }
}
