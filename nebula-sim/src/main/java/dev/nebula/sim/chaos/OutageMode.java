package dev.nebula.sim.chaos;

/** How an outage looks to a client of {@code /api/**}. */
public enum OutageMode {
    NONE,
    /** Accept the connection, then close it without any response (the client sees a reset / EOF). */
    RESET,
    /** Answer 503 like a proxy in front of a dead BFF would. */
    UNAVAILABLE;

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
        throw new IllegalArgumentException("outage must be false, true, \"reset\" or \"503\"");
    }

    public Object wire() {
        return switch (this) {
            case NONE -> false;
            case RESET -> "reset";
            case UNAVAILABLE -> "503";
        };
    }
}
