package dev.nebula.catalog.meta;

import dev.nebula.catalog.support.Contract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class CapabilitiesResourceTest {

    @Test
    void reportsVersionDatabaseAndHubsFromRealConfigurationWithoutSigningIn() {
        given().filter(Contract.FILTER)
                .when().get("/api/v2/catalog/capabilities")
                .then().statusCode(200)
                .body("service", equalTo("nebula-model-catalog"))
                .body("version", equalTo("0.1.0-SNAPSHOT"))
                .body("database.reachable", equalTo(true))
                .body("hubs.provider", hasItems("huggingface", "modelscope"))
                .body("hubs.find { it.provider == 'huggingface' }.base_url_host", notNullValue());
    }
}
