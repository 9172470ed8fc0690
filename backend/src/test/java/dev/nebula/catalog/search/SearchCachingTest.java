package dev.nebula.catalog.search;

import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.HubStubs;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.nebula.catalog.support.HubStubs.fixture;
import static dev.nebula.catalog.support.HubStubs.json;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class SearchCachingTest {

    private static int calls(String q) {
        return HubStubs.server().findAll(getRequestedFor(urlPathEqualTo("/api/models"))
                .withQueryParam("search", WireMock.equalTo(q))).size();
    }

    @Test
    void hundredConcurrentIdenticalSearchesMakeOneHubCall() throws Exception {
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/models")).withQueryParam("search", WireMock.equalTo("burst"))
                .willReturn(json(200, fixture("hf-search-qwen.json")).withFixedDelay(100)));
        String token = Tokens.viewer();

        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<io.restassured.response.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                answers.add(pool.submit(() -> given().filter(Contract.FILTER).header("Authorization", "Bearer " + token)
                        .when().get("/api/v2/catalog/search?provider=huggingface&q=burst")
                        .then().extract().response()));
            }
            for (Future<io.restassured.response.Response> answer : answers) {
                assertEquals(200, answer.get().statusCode(), answer.get().body().asString());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, calls("burst"));
    }

    @Test
    void repeatedSearchIsAnsweredFromTheCacheButOtherPagesAreNot() {
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/models")).withQueryParam("search", WireMock.equalTo("cached"))
                .willReturn(json(200, fixture("hf-search-qwen.json"))));
        String token = Tokens.viewer();

        for (int i = 0; i < 3; i++) {
            given().filter(Contract.FILTER).header("Authorization", "Bearer " + token)
                    .when().get("/api/v2/catalog/search?provider=huggingface&q=cached&sort=likes")
                    .then().statusCode(200);
        }
        given().filter(Contract.FILTER).header("Authorization", "Bearer " + token)
                .when().get("/api/v2/catalog/search?provider=huggingface&q=cached&sort=updated")
                .then().statusCode(200);

        assertEquals(2, calls("cached"), "one call per distinct query");
    }

    @Test
    void failuresAreNotCached() {
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/models")).withQueryParam("search", WireMock.equalTo("flaky"))
                .willReturn(json(400, "{\"error\":\"bad\"}")));
        String token = Tokens.viewer();

        for (int i = 0; i < 2; i++) {
            given().filter(Contract.FILTER).header("Authorization", "Bearer " + token)
                    .when().get("/api/v2/catalog/search?provider=huggingface&q=flaky")
                    .then().statusCode(502);
        }
        assertEquals(2, calls("flaky"));
    }
}
