package dev.nebula.catalog.nebula;

import dev.nebula.catalog.web.ApiException;

import java.util.Map;

/** How a Nebula failure reads to our caller: one mapping, used by every feature that calls Nebula. */
public final class NebulaFailures {

    public static final String SESSION_ENDED = "nebula_session_expired";

    private NebulaFailures() {
    }

    /** See {@link NebulaErrors#answerLost}: the write may have been applied although its answer never arrived. */
    public static boolean answerLost(Throwable failure) {
        return NebulaErrors.answerLost(failure);
    }

    /** Nebula no longer accepts the session the call was made with (logged out, expired, user deactivated). */
    public static boolean sessionEnded(Throwable failure) {
        if (failure instanceof ApiException api) {
            return SESSION_ENDED.equals(api.code());
        }
        return NebulaErrors.fromThrowable(failure) instanceof NebulaRejection r && r.sessionInvalid();
    }

    public static ApiException toApi(Throwable failure) {
        NebulaException e = NebulaErrors.fromThrowable(failure);
        Map<String, Object> details = Map.of("nebula_status", e.status(), "nebula_code", e.code());
        if (e instanceof NebulaRejection r) {
            return switch (r.status()) {
                case 401 -> new ApiException(401, SESSION_ENDED,
                        "Your Nebula session has ended; sign in again.", details);
                case 403 -> switch (r.code()) {
                    case "invalid_role" -> roleUnknown(null, details);
                    case "user_disabled" -> new ApiException(403, "account_disabled", "This Nebula account is "
                            + "disabled. A Nebula admin can re-activate it in Nebula's user management.", details);
                    default -> new ApiException(403, "nebula_forbidden", "Nebula refused the request: " + r.getMessage(), details);
                };
                case 404 -> new ApiException(404, "not_found", r.getMessage(), details);
                case 409 -> new ApiException(409, "conflict", r.getMessage(), details);
                default -> new ApiException(400, "nebula_rejected", r.getMessage(), details);
            };
        }
        if (e.code().equals(NebulaErrors.AUTH_BACKEND_CODE)) {
            return signInsUnavailable(e.status());
        }
        if (e.kind() == NebulaException.Kind.UNREACHABLE) {
            return new ApiException(503, "nebula_unavailable", e.getMessage(), details);
        }
        return new ApiException(502, "nebula_error", e.getMessage(), details);
    }

    /**
     * A Nebula account whose role this catalog cannot use. Nebula itself refuses such an account on every call
     * ("invalid role") without saying the role, so {@code role} is null then.
     */
    public static ApiException roleUnknown(String role, Map<String, Object> details) {
        String which = role == null ? "a role Nebula does not accept" : "the role '" + role + "'";
        return new ApiException(403, "nebula_role_unknown", "This Nebula account has " + which
                + ". A Nebula admin should set its role to admin, operator or viewer.", details);
    }

    /** Nebula's own user database is down: it can check no session and sign nobody in. */
    public static ApiException signInsUnavailable(int nebulaStatus) {
        return new ApiException(503, "nebula_unavailable", "Nebula cannot check sign-ins right now: its user "
                + "database is not answering. Try again in a minute.", Map.of("nebula_status", nebulaStatus,
                "nebula_code", NebulaErrors.AUTH_BACKEND_CODE, "retryable", true));
    }
}
