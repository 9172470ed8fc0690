package dev.nebula.sim.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nebula.sim.chaos.FailureRule;
import dev.nebula.sim.chaos.OutageMode;
import dev.nebula.sim.chaos.WriteAnswer;
import dev.nebula.sim.control.SimulatorControl;
import dev.nebula.sim.wire.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The unauthenticated {@code /_sim/*} control endpoints. Not part of Nebula; never affected by chaos. */
final class SimApi {
    private final SimulatorControl control;
    private final Router router = new Router();

    SimApi(SimulatorControl control) {
        this.control = control;
        router.open("GET", "/_sim/state", c -> Reply.json(200, control.describe()))
                .open("GET", "/_sim/requests", this::requests)
                .open("GET", "/_sim/chaos", c -> Reply.json(200, control.chaos()))
                .open("POST", "/_sim/chaos", this::chaos)
                .open("POST", "/_sim/reset", c -> {
                    control.reset();
                    return Reply.json(200, control.describe());
                })
                .open("GET", "/_sim/rules", c -> Reply.json(200, rules()))
                .open("POST", "/_sim/rules", this::addRules)
                .open("DELETE", "/_sim/rules", c -> {
                    control.clearFailureRules();
                    return Reply.json(200, rules());
                })
                .open("POST", "/_sim/time", this::time)
                .open("POST", "/_sim/sessions/clear", c -> {
                    control.clearSessions();
                    return Reply.json(200, Map.of("ok", true));
                })
                .open("POST", "/_sim/sessions/end", c -> {
                    String username = body(c).path("username").asText("");
                    return Reply.json(200, Map.of("ended", control.endSessionsOf(username)));
                })
                .open("POST", "/_sim/users", this::putUser)
                .open("POST", "/_sim/nodes", c -> {
                    JsonNode body = body(c);
                    String node = body.path("node_id").asText("");
                    if (!body.path("alive").isBoolean()) {
                        throw new IllegalArgumentException("give node_id and alive (true: back, false: crashed)");
                    }
                    if (body.get("alive").asBoolean()) {
                        control.recoverNode(node);
                    } else {
                        control.crashNode(node);
                    }
                    return Reply.json(200, Map.of("node_id", node, "alive", body.get("alive").asBoolean()));
                });
    }

    Reply handle(Call c) {
        Router.Match m = router.match(c.path);
        Router.Handler h = m == null ? null : m.route().byMethod().get(c.method);
        if (h == null) {
            return Reply.json(404, Map.of("error", "unknown simulator endpoint " + c.method + " " + c.path));
        }
        try {
            return h.handle(c);
        } catch (IllegalArgumentException e) {
            return Reply.json(400, Map.of("error", e.getMessage()));
        }
    }

    private Reply requests(Call c) {
        List<String> path = c.query.get("path");
        return Reply.json(200, control.requests(path == null ? null : path.get(0)));
    }

    /** Adds or replaces a user: {username, password, role (any string), active (default true)}. */
    private Reply putUser(Call c) {
        JsonNode body = body(c);
        if (!body.path("username").isTextual() || !body.path("password").isTextual() || !body.path("role").isTextual()) {
            throw new IllegalArgumentException("a user needs username, password and role (strings)");
        }
        control.putUser(body.get("username").asText(), body.get("password").asText(), body.get("role").asText(),
                body.path("active").asBoolean(true));
        return Reply.json(200, Map.of("ok", true));
    }

    /** Partial update: only the keys present change. */
    private Reply chaos(Call c) {
        JsonNode body = body(c);
        Map<String, Object> now = control.chaos();
        long latency = body.has("latency_ms") ? body.get("latency_ms").asLong() : (long) now.get("latency_ms");
        long jitter = body.has("jitter_ms") ? body.get("jitter_ms").asLong() : (long) now.get("jitter_ms");
        control.setLatency(latency, jitter);
        if (body.has("error_rate")) {
            control.setErrorRate(body.get("error_rate").asDouble());
        }
        if (body.has("outage")) {
            JsonNode o = body.get("outage");
            control.setOutage(OutageMode.parse(o.isBoolean() ? (Object) o.asBoolean()
                    : o.isNumber() ? (Object) o.asInt() : o.isNull() ? null : o.asText()));
        }
        if (body.has("scanner_early_complete")) {
            control.setScannerEarlyComplete(body.get("scanner_early_complete").asBoolean());
        }
        if (body.has("write_answer") || body.has("write_answer_delay_ms")) {
            WriteAnswer mode = body.has("write_answer") ? WriteAnswer.parse(body.get("write_answer").asText())
                    : WriteAnswer.parse((String) now.get("write_answer"));
            long delay = body.has("write_answer_delay_ms") ? body.get("write_answer_delay_ms").asLong()
                    : (long) now.get("write_answer_delay_ms");
            control.setWriteAnswer(mode, delay);
        }
        return Reply.json(200, control.chaos());
    }

    /** Accepts one rule {pattern, kind}, an array of them, or {"rules":[...]}. */
    private Reply addRules(Call c) {
        JsonNode body = body(c);
        JsonNode list = body.isArray() ? body : body.has("rules") ? body.get("rules") : Json.MAPPER.createArrayNode()
                .add(body);
        for (JsonNode r : list) {
            if (!r.hasNonNull("pattern") || !r.hasNonNull("kind")) {
                throw new IllegalArgumentException("a rule needs pattern and kind");
            }
            control.addFailureRule(FailureRule.of(r.get("pattern").asText(), r.get("kind").asText()));
        }
        return Reply.json(200, rules());
    }

    private Reply time(Call c) {
        JsonNode body = body(c);
        double seconds = body.path("advance_seconds").asDouble(0);
        if (seconds < 0) {
            throw new IllegalArgumentException("advance_seconds must be >= 0");
        }
        control.advance(Duration.ofMillis((long) (seconds * 1000)));
        return Reply.json(200, Map.of("now_ms", control.nowMs()));
    }

    private List<Map<String, String>> rules() {
        return control.failureRules().stream().map(r -> Map.of("pattern", r.pattern(), "kind", r.kind().wire()))
                .toList();
    }

    private static JsonNode body(Call c) {
        if (c.body.length == 0) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            return Json.MAPPER.readTree(c.body);
        } catch (IOException e) {
            throw new IllegalArgumentException("body is not JSON: " + e.getMessage());
        }
    }
}
