package dev.nebula.catalog.nebula;

import dev.nebula.catalog.web.ApiException;

import java.util.Map;

/** How a Nebula failure reads to our caller: one mapping, used by every feature that calls Nebula. */
public final class NebulaFailures {

    private NebulaFailures() {
    }

    /** See {@link NebulaErrors#answerLost}: the write may have been applied although its answer never arrived. */
    public static boolean answerLost(Throwable failure) {
        return NebulaErrors.answerLost(failure);
    }

    public static ApiException toApi(Throwable failure) {
        NebulaException e = NebulaErrors.fromThrowable(failure);
        Map<String, Object> details = Map.of("nebula_status", e.status(), "nebula_code", e.code());
        if (e instanceof NebulaRejection r) {
            return switch (r.status()) {
                case 401 -> new ApiException(401, "nebula_session_expired",
                        "Your Nebula session has ended; sign in again.", details);
                case 403 -> new ApiException(403, "nebula_forbidden", "Nebula refused the request: " + r.getMessage(), details);
                case 404 -> new ApiException(404, "not_found", r.getMessage(), details);
                case 409 -> new ApiException(409, "conflict", r.getMessage(), details);
                default -> new ApiException(400, "nebula_rejected", r.getMessage(), details);
            };
        }
        if (e.kind() == NebulaException.Kind.UNREACHABLE) {
            return new ApiException(503, "nebula_unavailable", e.getMessage(), details);
        }
        return new ApiException(502, "nebula_error", e.getMessage(), details);
    }
}
