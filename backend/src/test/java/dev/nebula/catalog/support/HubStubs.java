package dev.nebula.catalog.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Both hubs as one WireMock server for the whole run; the app's hub endpoints point at it. Its stubs and fixtures are
 * the repository's one hub-stub source, {@code hub-stubs/} (which the fuzzer and benchmarks serve too), without the
 * mappings that answer any request: tests add their own stubs with query strings or model ids no other test uses, so
 * stubs never interfere, and count hub calls through the request journal.
 */
public class HubStubs implements QuarkusTestResourceLifecycleManager {

    /** The shared stubs; surefire runs in {@code backend/}. */
    public static final Path ROOT = Path.of("..", "hub-stubs");

    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .usingFilesUnderDirectory(ROOT.toString()));
        server.start();
        // what a fuzzer needs (an answer to anything) would hide a test's missing stub
        server.removeStubsByMetadata(matchingJsonPath("$.any-request"));
        return Map.of(
                "catalog.hubs.huggingface.endpoint", server.baseUrl() + "/",
                "catalog.hubs.modelscope.endpoint", server.baseUrl());
    }

    public static WireMockServer server() {
        return server;
    }

    /** A fixture file from {@code hub-stubs/__files/}. */
    public static String fixture(String name) {
        try {
            return Files.readString(ROOT.resolve("__files").resolve(name));
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
