package dev.nebula.sim.scenario;

import dev.nebula.sim.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Resolves a scenario name: {@code empty}, {@code demo}, {@code large:MxN}, or a path to a JSON file. */
public final class ScenarioLoader {
    private static final Pattern LARGE = Pattern.compile("large:(\\d+)x(\\d+)");

    private ScenarioLoader() {
    }

    public static Scenario load(String nameOrPath) {
        if (nameOrPath == null || nameOrPath.isBlank() || "empty".equals(nameOrPath)) {
            return Scenario.empty();
        }
        if ("demo".equals(nameOrPath)) {
            return fromResource("/scenarios/demo.json");
        }
        Matcher m = LARGE.matcher(nameOrPath);
        if (m.matches()) {
            return LargeScenario.generate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        return fromFile(Path.of(nameOrPath));
    }

    public static Scenario fromFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Json.MAPPER.readValue(in, Scenario.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + file, e);
        }
    }

    private static Scenario fromResource(String resource) {
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing built-in scenario " + resource);
            }
            return Json.MAPPER.readValue(in, Scenario.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in scenario " + resource, e);
        }
    }
}
