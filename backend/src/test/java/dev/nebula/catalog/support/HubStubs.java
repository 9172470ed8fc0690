package dev.nebula.catalog.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Both hubs as one WireMock server for the whole run; the app's hub endpoints point at it. Tests add their own
 * stubs with query strings or model ids no other test uses, so stubs never interfere, and count hub calls through
 * the request journal.
 */
public class HubStubs implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        stubDefaults();
        return Map.of(
                "catalog.hubs.huggingface.endpoint", server.baseUrl() + "/",
                "catalog.hubs.modelscope.endpoint", server.baseUrl());
    }

    /**
     * What both hubs answer for the one model every cross-feature test uses (Qwen/Qwen2.5-7B-Instruct), for the
     * models the browser's import flows download (Qwen/Qwen3-8B; Qwen/Qwen2.5-VL-7B-Instruct and Qwen/Qwen3-4B) and
     * for a plain "qwen" search. Tests that need
     * other answers add more specific or later stubs, which WireMock prefers.
     */
    private static void stubDefaults() {
        server.stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/models/Qwen/Qwen2.5-7B-Instruct"))
                .withQueryParam("blobs", WireMock.equalTo("true"))
                .willReturn(json(200, fixture("hf-model-info-Qwen2.5-7B-Instruct.json"))));
        server.stubFor(WireMock.get(WireMock.urlPathMatching("/Qwen/[^/]+/raw/[^/]+/README.md"))
                .willReturn(WireMock.aResponse().withStatus(200).withBody(fixture("hf-readme-qwen.md"))));
        server.stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v1/models/Qwen/Qwen2.5-7B-Instruct"))
                .willReturn(json(200, fixture("ms-model-info-qwen.json"))));
        server.stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v1/models/Qwen/Qwen2.5-7B-Instruct/repo/files"))
                .willReturn(json(200, fixture("ms-files-qwen.json"))));
        // "qwen" on Hugging Face has two pages: the first as recorded, with its Link header (naming huggingface.co,
        // which the app must follow to this stub), the second without one
        server.stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/models"))
                .withQueryParam("search", WireMock.equalTo("qwen"))
                .withQueryParam("cursor", WireMock.absent())
                .willReturn(recorded(200, fixture("hf-search-qwen.json"), "hf-search-qwen.headers.txt")));
        server.stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/models"))
                .withQueryParam("search", WireMock.equalTo("qwen"))
                .withQueryParam("cursor", WireMock.matching(".+"))
                .willReturn(json(200, fixture("hf-search-qwen-page2.json"))));
        // a model no simulated node holds, so importing it downloads (17 GB: slow enough to watch in simulated time)
        server.stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/models/Qwen/Qwen3-8B"))
                .withQueryParam("blobs", WireMock.equalTo("true"))
                .willReturn(json(200, fixture("hf-model-info-Qwen3-8B.json"))));
        // two models no simulated node holds, one on each page of "qwen": the browser's batch import downloads both
        for (String model : new String[] {"Qwen2.5-VL-7B-Instruct", "Qwen3-4B"}) {
            server.stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/models/Qwen/" + model))
                    .withQueryParam("blobs", WireMock.equalTo("true"))
                    .willReturn(json(200, fixture("hf-model-info-" + model + ".json"))));
        }
        server.stubFor(WireMock.get(WireMock.urlPathEqualTo("/openapi/v1/models"))
                .withQueryParam("search", WireMock.equalTo("qwen"))
                .willReturn(json(200, fixture("ms-openapi-search-qwen.json"))));
    }

    public static WireMockServer server() {
        return server;
    }

    /** A fixture file from {@code src/test/resources/hubs/}. */
    public static String fixture(String name) {
        try (InputStream in = HubStubs.class.getResourceAsStream("/hubs/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON response with the fixture's recorded headers ({@code name.headers.txt}, status line dropped). */
    public static ResponseDefinitionBuilder recorded(int status, String body, String headersFixture) {
        ResponseDefinitionBuilder response = WireMock.aResponse().withStatus(status).withBody(body)
                .withHeader("Content-Type", "application/json; charset=utf-8");
        if (headersFixture != null) {
            for (String line : fixture(headersFixture).split("\\R")) {
                int colon = line.indexOf(':');
                if (line.startsWith("HTTP/") || colon <= 0 || line.regionMatches(true, 0, "content-type", 0, 12)) {
                    continue;
                }
                response.withHeader(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return response;
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return recorded(status, body, null);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
