package dev.nebula.sim.wire;

import com.fasterxml.jackson.annotation.JsonCreator;

/** The state the BFF derives per model (reference §9). */
public enum AggregatedState implements WireEnum {
    STOPPED,
    DOWNLOADING,
    STARTING,
    RUNNING,
    DEGRADED,
    FAILED,
    STOPPING;

    /** Parses the exact wire spelling; null when it is not one. */
    @JsonCreator
    public static AggregatedState fromWire(String value) {
        return WireEnum.parse(AggregatedState.class, value);
    }
}
