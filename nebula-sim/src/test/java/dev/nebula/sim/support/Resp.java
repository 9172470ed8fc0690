package dev.nebula.sim.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nebula.sim.wire.Json;

/** A response as a test sees it. */
public record Resp(int status, String contentType, String body) {
    public JsonNode json() {
        try {
            return Json.MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON (" + status + "): " + body, e);
        }
    }
}
