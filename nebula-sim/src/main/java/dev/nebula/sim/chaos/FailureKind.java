package dev.nebula.sim.chaos;

/** What goes wrong for models whose name matches a rule. */
public enum FailureKind {
    /** The download phase ends in {@code failed}; the model then sits without endpoints until the failed timer. */
    DOWNLOAD_FAIL("download_fail"),
    /** One replica's endpoint reports {@code unhealthy}: degraded when another is ready, starting otherwise. */
    UNHEALTHY("unhealthy");

    private final String wire;

    FailureKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static FailureKind parse(String value) {
        for (FailureKind k : values()) {
            if (k.wire.equals(value)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown failure kind '" + value + "', expected download_fail or unhealthy");
    }
}
