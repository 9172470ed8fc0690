package dev.nebula.catalog.search;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.HubStubs;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.nebula.catalog.support.HubStubs.fixture;
import static dev.nebula.catalog.support.HubStubs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A hub that answers too much, or makes one request cost many calls: bounded before it costs memory or time. */
@QuarkusTest
class HostileHubTest {

    static ValidatableResponse call(String path) {
        return given().filter(Contract.FILTER).header("Authorization", "Bearer " + Tokens.viewer())
                .when().get("/api/v2/catalog/search" + path).then();
    }

    static int calls(String path) {
        return HubStubs.server().findAll(getRequestedFor(urlPathEqualTo(path))).size();
    }

    @Test
    void modelInfoOverTheCapIsABadResponseNotAHeapFull() {
        // valid JSON, just enormous: 9 MB of siblings
        String huge = "{\"id\":\"evil/huge\",\"sha\":\"abc\",\"siblings\":[" + "{\"rfilename\":\"f\"},".repeat(500_000)
                + "{\"rfilename\":\"g\"}]}";
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/models/evil/huge")).willReturn(json(200, huge)));

        call("/huggingface/evil/huge").statusCode(502)
                .body("error.code", equalTo("hub_bad_response"))
                .body("error.message", containsString("larger than 8192 KB"));
    }

    @Test
    void searchAnswerOverTheCapIsABadResponse() {
        String item = "{\"id\":\"evil/m\",\"tags\":[\"" + "t".repeat(1000) + "\"]},";
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/models")).withQueryParam("search", WireMock.equalTo("huge-list"))
                .willReturn(json(200, "[" + item.repeat(2_200) + "{\"id\":\"evil/n\"}]")));

        call("?provider=huggingface&q=huge-list").statusCode(502).body("error.code", equalTo("hub_bad_response"));
    }

    @Test
    void aModelCardOverTheCapIsLeftOutAndTheRestStillAnswers() {
        String info = fixture("hf-model-info-Qwen2.5-7B-Instruct.json").replace("Qwen/Qwen2.5-7B-Instruct", "evil/bigcard");
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/models/evil/bigcard")).willReturn(json(200, info)));
        HubStubs.server().stubFor(get(WireMock.urlPathMatching("/evil/bigcard/raw/.*"))
                .willReturn(aResponse().withStatus(200).withBody("# Big\n" + "word ".repeat(60_000))));

        call("/huggingface/evil/bigcard").statusCode(200)
                .body("id", equalTo("evil/bigcard"))
                .body("summary", nullValue());
    }

    @Test
    void aDeepPageCostsAtMostFiveHubCallsAndFarDeeperOnesNone() {
        // an endless chain: every page links to one more
        String link = "<https://huggingface.co/api/models?search=endless&sort=downloads&limit=1&cursor=NEXT>; rel=\"next\"";
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/models")).withQueryParam("search", WireMock.equalTo("endless"))
                .willReturn(json(200, "[{\"id\":\"a/b\"}]").withHeader("Link", link)));

        call("?provider=huggingface&q=endless&limit=1&page=50").statusCode(400)
                .body("error.code", equalTo("page_too_deep"))
                .body("error.details.field", equalTo("page"))
                .body("error.details.furthest_page", equalTo(1))
                .body("error.message", containsString("Narrow the search"));
        assertEquals(0, calls("/api/models", "endless"), "refused before any hub call");

        call("?provider=huggingface&q=endless&limit=1&page=5").statusCode(200).body("page", equalTo(5));
        assertEquals(5, calls("/api/models", "endless"), "pages 1-4 to learn the cursors, then page 5");

        // page 5 named page 6, the furthest known now; the four after it are again in reach, beyond them is not
        call("?provider=huggingface&q=endless&limit=1&page=9").statusCode(200).body("page", equalTo(9));
        assertEquals(9, calls("/api/models", "endless"), "pages 6-8, then page 9");
        call("?provider=huggingface&q=endless&limit=1&page=15").statusCode(400).body("error.details.furthest_page", equalTo(10));
        assertEquals(9, calls("/api/models", "endless"));
    }

    private static int calls(String path, String search) {
        return HubStubs.server().findAll(getRequestedFor(urlPathEqualTo(path))
                .withQueryParam("search", WireMock.equalTo(search))).size();
    }
}
