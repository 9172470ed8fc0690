package dev.nebula.sim.chaos;

/** How an outage looks to a client of {@code /api/**}. */
public enum OutageMode {
    NONE,
    /** Accept the connection, then close it without any response (the client sees a reset / EOF). */
    RESET,
    /** Answer 503 like a proxy in front of a dead BFF would. */
    UNAVAILABLE,
    /** Answer 200 with a JSON content type and a body cut off mid-document (a broken proxy or a truncated write). */
    MALFORMED,
    /**
     * Nebula's own user database is down: the session middleware answers every session-checked call 403
     * {"error":{"message":"authentication backend unavailable"}} and login answers 500 {"error":"database error"}
     * (upstream {@code nebula-bff/src/auth.rs}, {@code auth_handlers.rs}).
     */
    AUTH_BACKEND,
    /**
     * etcd hangs: {@code /api/healthz} and the auth routes (backed by Nebula's PostgreSQL) still answer, every data call
     * stalls until the outage ends. This is why a healthz probe says nothing about whether data can be read.
     */
    HANG;

    public static OutageMode parse(Object value) {
        if (value == null || Boolean.FALSE.equals(value) || "none".equals(value) || "false".equals(value)) {
            return NONE;
        }
        if (Boolean.TRUE.equals(value) || "503".equals(value) || "true".equals(value)
                || Integer.valueOf(503).equals(value)) {
            return UNAVAILABLE;
        }
        if ("reset".equals(value)) {
            return RESET;
        }
        if ("malformed".equals(value)) {
            return MALFORMED;
        }
        if ("auth_backend".equals(value)) {
            return AUTH_BACKEND;
        }
        if ("hang".equals(value)) {
            return HANG;
        }
        throw new IllegalArgumentException(
                "outage must be false, true, \"reset\", \"503\", \"malformed\", \"auth_backend\" or \"hang\"");
    }

    public Object wire() {
        return switch (this) {
            case NONE -> false;
            case RESET -> "reset";
            case UNAVAILABLE -> "503";
            case MALFORMED -> "malformed";
            case AUTH_BACKEND -> "auth_backend";
            case HANG -> "hang";
        };
    }
}
