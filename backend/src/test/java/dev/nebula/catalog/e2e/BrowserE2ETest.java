package dev.nebula.catalog.e2e;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every browser flow in frontend/e2e (playwright-core driving Debian's chromium) against this running test
 * application — real service, real embedded PostgreSQL, real simulator. Screenshots land in frontend/test-results.
 */
@QuarkusTest
class BrowserE2ETest {

    private static final Path E2E = Path.of("..", "frontend", "e2e");
    private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

    @TestHTTPResource("/")
    URL base;

    @TestFactory
    Stream<DynamicTest> browserFlows() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(E2E)) {
            scripts = files.filter(p -> p.getFileName().toString().endsWith(".mjs"))
                    .filter(p -> !p.getFileName().toString().equals("lib.mjs")).sorted().toList();
        }
        assertTrue(!scripts.isEmpty(), "no browser flows found in " + E2E.toAbsolutePath());
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> run(script)));
    }

    private void run(Path script) throws Exception {
        assertTrue(Files.isExecutable(Path.of(CHROMIUM)),
                "Chromium is required for the browser tests: apt-get install -y chromium (or set CHROMIUM)");
        ProcessBuilder builder = new ProcessBuilder("node", "e2e/" + script.getFileName())
                .directory(E2E.getParent().toFile())
                .redirectErrorStream(true);
        builder.environment().put("BASE_URL", base.toString());
        builder.environment().put("CHROMIUM", CHROMIUM);
        // flows that steer the simulated cluster (start a model, move time) talk to the simulator directly
        builder.environment().put("SIM_URL", dev.nebula.catalog.support.NebulaSimulatorResource.baseUrl());
        Process process = builder.start();
        process.getOutputStream().close();
        // a11y.mjs runs axe over 13 states x 2 languages x 2 widths x 2 themes: about 5 minutes on two busy cores
        boolean finished = process.waitFor(600, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println("--- " + script.getFileName() + " ---\n" + output);
        assertTrue(finished, script + " did not finish within 600 s");
        assertEquals(0, process.exitValue(), script + " failed:\n" + output);
    }
}
