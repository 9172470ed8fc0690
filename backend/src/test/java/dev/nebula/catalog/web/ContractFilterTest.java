package dev.nebula.catalog.web;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.nebula.catalog.support.Contract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Proves the shared contract filter bites: a response that breaks the spec is rejected, a good one passes. */
class ContractFilterTest {

    static WireMockServer server = new WireMockServer(options().dynamicPort());

    @BeforeAll
    static void start() {
        server.start();
        server.stubFor(get("/api/v2/catalog/capabilities").withHeader("X-Case", com.github.tomakehurst.wiremock.client.WireMock.equalTo("broken"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"service\": 42, \"version\": \"1\"}")));
        server.stubFor(get("/api/v2/catalog/capabilities").withHeader("X-Case", com.github.tomakehurst.wiremock.client.WireMock.equalTo("good"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"service":"s","version":"1","imports":{"engine_types":["vllm"],"max_replicas":8},"database":{"reachable":true},
                                 "nebula":{"configured":false,"simulated":false,"reachable":false},
                                 "hubs":[{"provider":"huggingface","enabled":true,"reachable":null,"endpoint_variable":"HF_ENDPOINT","base_url_host":"h","token_configured":false}]}""")));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void rejectsAResponseThatBreaksTheSpec() {
        assertThrows(OpenApiValidationFilter.OpenApiValidationException.class, () ->
                given().filter(Contract.FILTER).baseUri(server.baseUrl()).header("X-Case", "broken")
                        .when().get("/api/v2/catalog/capabilities"));
    }

    @Test
    void acceptsAResponseThatMatchesTheSpec() {
        assertDoesNotThrow(() -> given().filter(Contract.FILTER).baseUri(server.baseUrl()).header("X-Case", "good")
                .when().get("/api/v2/catalog/capabilities").then().statusCode(200));
    }
}
