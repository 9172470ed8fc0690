package dev.nebula.sim.http;

import dev.nebula.sim.wire.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A response to send: status, content type (null for no body) and body bytes. */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
    static final String JSON = "application/json";
    static final String TEXT = "text/plain; charset=utf-8";

    static Reply json(int status, Object body) {
        return new Reply(status, JSON, Json.bytes(body), Map.of());
    }

    /** An answer upstream builds with {@code json!(…)}: keys in alphabetical order (see {@link Json#sortedBytes}). */
    static Reply sortedJson(int status, Object body) {
        return new Reply(status, JSON, Json.sortedBytes(body), Map.of());
    }

    static Reply text(int status, String body) {
        return new Reply(status, TEXT, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** The start of a JSON document that never ends: parses as an error, not as an empty answer. */
    static Reply truncatedJson() {
        return new Reply(200, JSON, "{\"models\":[{\"model_uid\":\"trunc".getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** Axum's 404/405 have no body at all. */
    static Reply empty(int status, Map<String, String> headers) {
        return new Reply(status, null, new byte[0], headers);
    }
}
