package dev.nebula.catalog.nebula;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClosedException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * Reads Nebula's four error shapes — {@code {"error":{"code","message"}}}, {@code {"error":{"message"}}},
 * {@code {"error":"text"}} and axum's text/plain rejections — plus HTML pages and empty bodies, into one exception.
 */
final class NebulaErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TEXT = 200;
    /** Nebula's exact texts (bff/auth.rs, auth_handlers.rs), the only way its answers tell these cases apart. */
    private static final String AUTH_BACKEND_DOWN = "authentication backend unavailable";
    static final String AUTH_BACKEND_CODE = "auth_backend_unavailable";
    private static final String INVALID_ROLE = "invalid role";
    private static final String USER_DISABLED = "user disabled";

    private NebulaErrors() {
    }

    static NebulaException fromResponse(int status, String body) {
        String code = null;
        String message = null;
        String text = body == null ? "" : body.trim();
        if (text.startsWith("{")) {
            try {
                JsonNode error = JSON.readTree(text).path("error");
                if (error.isTextual()) {
                    message = error.asText();
                } else if (error.isObject()) {
                    code = error.path("code").isTextual() ? error.path("code").asText() : null;
                    message = error.path("message").isTextual() ? error.path("message").asText() : null;
                }
            } catch (Exception ignored) {
                // not JSON after all; fall through to the text handling
            }
        }
        if (message == null) {
            message = text.startsWith("<") ? "HTML page instead of JSON" : text.isEmpty() ? "empty body" : shorten(text);
        }
        if (status == 403 && AUTH_BACKEND_DOWN.equals(message)) {
            // Nebula's own user database is down: its session middleware can check nobody, so this says nothing
            // about the caller's rights. It is an outage, and reads as one (stale data, 503, breakers count it).
            return new NebulaException(NebulaException.Kind.UNREACHABLE, status, AUTH_BACKEND_CODE,
                    "Nebula cannot check sign-ins right now (its user database is not answering)", null);
        }
        if (code == null && status == 403 && INVALID_ROLE.equals(message)) {
            code = "invalid_role";
        } else if (code == null && status == 403 && USER_DISABLED.equals(message)) {
            code = "user_disabled";
        }
        if (code == null) {
            code = status == 401 ? "unauthorized" : status == 403 ? "forbidden" : status == 404 ? "not_found" : "http_" + status;
        }
        String full = "Nebula answered " + status + ": " + message;
        return status >= 400 && status < 500 ? new NebulaRejection(status, code, full)
                : new NebulaException(NebulaException.Kind.FAILED, status, code, full, null);
    }

    static NebulaException fromThrowable(Throwable t) {
        if (t instanceof NebulaException n) {
            return n;
        }
        if (t instanceof CircuitBreakerOpenException) {
            return circuitOpen(t);
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (timedOut(t) || timedOut(root)) {
            return new NebulaTimeout("Nebula did not answer in time", t);
        }
        // Jackson failures are IOExceptions too: an unreadable answer is not an unreachable Nebula
        if (root instanceof JsonProcessingException) {
            return new NebulaException(NebulaException.Kind.FAILED, 200, "malformed", "Nebula sent an unreadable answer", t);
        }
        if (root instanceof IOException || root instanceof HttpClosedException
                || root instanceof ConnectionPoolTooBusyException) {
            return new NebulaException(NebulaException.Kind.UNREACHABLE, 0, "unreachable",
                    "Nebula could not be reached: " + root.getClass().getSimpleName(), t);
        }
        return new NebulaException(NebulaException.Kind.FAILED, 0, "failed", "Nebula call failed: " + root.getClass().getSimpleName(), t);
    }

    /** The breaker stopped the call before it left: Nebula failed repeatedly just now. */
    static NebulaException circuitOpen(Throwable t) {
        return new NebulaException(NebulaException.Kind.UNREACHABLE, 0, "circuit_open",
                "Nebula is failing; calls are paused for a few seconds", t);
    }

    /** Our own deadline or the HTTP client's (Vert.x's are {@link TimeoutException}s too), or a socket's. */
    private static boolean timedOut(Throwable t) {
        return t instanceof TimeoutException || t instanceof SocketTimeoutException;
    }

    /**
     * True when a write may have reached Nebula although no usable answer came back: a timeout, a reset after
     * sending, an unreadable answer. False when it certainly never left (refused connection, open circuit, no URL).
     */
    static boolean answerLost(Throwable t) {
        NebulaException e = fromThrowable(t);
        if (e instanceof NebulaTimeout || e.code().equals("malformed")) {
            return true;
        }
        if (e.kind() != NebulaException.Kind.UNREACHABLE || !e.code().equals("unreachable")) {
            return false;
        }
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof ConnectException) {
                return false;
            }
        }
        return true;
    }

    private static String shorten(String s) {
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() > MAX_TEXT ? oneLine.substring(0, MAX_TEXT) + "…" : oneLine;
    }
}
