package dev.nebula.sim.chaos;

/**
 * What happens to the answer of a write ({@code POST}, {@code PUT}, {@code DELETE} under {@code /api/v2/}) after it
 * has been applied: the effect is real, only the client does not learn of it in time. This is the case a client must
 * never read as "failed": the model exists although the create timed out or the connection was reset.
 */
public enum WriteAnswer {
    /** Answer at once. */
    NORMAL,
    /** Apply, then hold the answer for the configured delay before sending it (a BFF slower than the client's timeout). */
    DELAY,
    /** Apply, then close the connection without an answer (a reset after the request was sent). */
    DROP;

    public static WriteAnswer parse(String value) {
        if (value == null || value.equals("none") || value.equals("normal")) {
            return NORMAL;
        }
        return switch (value) {
            case "delay" -> DELAY;
            case "drop" -> DROP;
            default -> throw new IllegalArgumentException("write_answer must be \"none\", \"delay\" or \"drop\"");
        };
    }

    public String wire() {
        return this == NORMAL ? "none" : name().toLowerCase();
    }
}
