package dev.nebula.sim.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Nebula's four error body families (reference §3). Which one a client gets depends on the layer that failed, so the
 * simulator keeps them apart instead of normalising them.
 */
final class Errors {
    private Errors() {
    }

    /** §3.1 v1/v2 handlers: {"error":{"code","message","request_id"}}, a fresh req_ UUID per error, no details. */
    static ApiError v2(int status, String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("request_id", "req_" + UUID.randomUUID());
        return new ApiError(Reply.json(status, Map.of("error", error)));
    }

    /** §3.2 session middleware and role checks: {"error":{"message"}}. */
    static ApiError auth(int status, String message) {
        return new ApiError(Reply.json(status, Map.of("error", Map.of("message", message))));
    }

    static ApiError insufficientPermissions() {
        return auth(403, "insufficient permissions");
    }

    /** §3.3 auth handlers (login, me): {"error":"..."}. */
    static ApiError simple(int status, String message) {
        return new ApiError(Reply.json(status, Map.of("error", message)));
    }

    /** §3.4 axum extractor rejections: text/plain. */
    static ApiError plain(int status, String text) {
        return new ApiError(Reply.text(status, text));
    }
}
