package dev.nebula.catalog.web;

import dev.nebula.catalog.support.Contract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class SpaServingTest {

    @Test
    void servesThePageAtTheRoot() {
        given().when().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<div id=\"root\">"));
    }

    @Test
    void deepLinksFallBackToThePage() {
        given().when().get("/model-catalog").then().statusCode(200).body(containsString("<div id=\"root\">"));
        given().when().get("/audit/whatever/deep").then().statusCode(200).body(containsString("<div id=\"root\">"));
    }

    @Test
    void apiPathsNeverFallBackToThePage() {
        given().filter(Contract.FILTER).when().get("/api/v2/catalog/does-not-exist").then().statusCode(404)
                .contentType(startsWith("application/json"));
        given().filter(Contract.FILTER).when().get("/api").then().statusCode(404).contentType(startsWith("application/json"));
    }

    @Test
    void missingStaticFilesStay404() {
        given().when().get("/assets/missing-file.js").then().statusCode(404);
    }

    @Test
    void thePageIsHardenedAndNeverCachedStale() {
        for (String path : new String[] {"/", "/model-catalog"}) {
            var page = given().when().get(path).then().statusCode(200)
                    .header("Cache-Control", "no-cache")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "same-origin")
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'self'"))
                    .extract().body().asString();
            java.util.regex.Matcher script = java.util.regex.Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(page);
            org.junit.jupiter.api.Assertions.assertTrue(script.find(), page);
            // the hashed bundle the page names keeps its long caching: a new deploy has new names
            given().when().get(script.group(1)).then().statusCode(200)
                    .header("Cache-Control", containsString("immutable"))
                    .header("X-Content-Type-Options", "nosniff");
        }
    }

    @Test
    void unhashedFilesThePageLoadsAreRevalidatedSoADeployShowsAtOnce() {
        // theme.js keeps its name across deploys (the page loads it before the bundle to avoid a flash of the wrong theme)
        given().when().get("/theme.js").then().statusCode(200)
                .header("Cache-Control", "no-cache")
                .header("Content-Type", containsString("javascript"));
    }

    @Test
    void theBundleAndApiAnswersAreGzippedWhenTheBrowserAsks() throws Exception {
        String page = given().when().get("/").then().extract().body().asString();
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(page);
        org.junit.jupiter.api.Assertions.assertTrue(script.find(), page);
        for (String path : new String[] {script.group(1), "/", "/api/v2/catalog/capabilities"}) {
            given().header("Accept-Encoding", "gzip").when().get(path).then().statusCode(200)
                    .header("Content-Encoding", "gzip").header("Vary", org.hamcrest.Matchers.containsStringIgnoringCase("accept-encoding"));
        }
        // a client that does not ask gets the plain bytes (java.net.http sends no Accept-Encoding of its own)
        java.net.http.HttpResponse<byte[]> plain = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(base.resolve(script.group(1))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        org.junit.jupiter.api.Assertions.assertEquals(200, plain.statusCode());
        org.junit.jupiter.api.Assertions.assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
        org.junit.jupiter.api.Assertions.assertFalse(plain.body()[0] == (byte) 0x1f && plain.body()[1] == (byte) 0x8b,
                "plain bytes, not gzip");
    }

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URI base;

    @Test
    void apiAnswersCarryNoSniffAndNoPagePolicy() {
        given().when().get("/api/v2/catalog/does-not-exist").then().statusCode(404)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", org.hamcrest.Matchers.nullValue());
    }
}
