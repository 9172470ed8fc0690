package dev.nebula.catalog.web;

import io.vertx.core.http.HttpServerRequest;

/** Codes and plain messages for errors that come from HTTP handling itself rather than from our services. */
final class HttpErrors {

    private HttpErrors() {
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal_error" : "http_" + status;
        };
    }

    static String messageFor(int status, HttpServerRequest request) {
        String target = request == null ? "this path" : request.method() + " " + request.path();
        return switch (status) {
            case 400 -> "The request is malformed.";
            case 404 -> "No such endpoint: " + target;
            case 405 -> "Method not allowed: " + target;
            case 406 -> "This endpoint answers application/json only.";
            case 413 -> "The request body is too large.";
            case 415 -> "Unsupported content type; send application/json.";
            default -> status >= 500 ? "An unexpected error occurred; quote the request id when reporting it."
                    : "The request failed with HTTP " + status + ".";
        };
    }
}
