package dev.nebula.sim.chaos;

/** How an outage looks to a client of {@code /api/**}. */
public enum OutageMode {
    NONE,
    /** Accept the connection, then close it without any response (the client sees a reset / EOF). */
    RESET,
    /** Answer 503 like a proxy in front of a dead BFF would. */
    UNAVAILABLE,
    /** Answer 200 with a JSON content type and a body cut off mid-document (a broken proxy or a truncated write). */
    MALFORMED;

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
        throw new IllegalArgumentException("outage must be false, true, \"reset\", \"503\" or \"malformed\"");
    }

    public Object wire() {
        return switch (this) {
            case NONE -> false;
            case RESET -> "reset";
            case UNAVAILABLE -> "503";
            case MALFORMED -> "malformed";
        };
    }
}
