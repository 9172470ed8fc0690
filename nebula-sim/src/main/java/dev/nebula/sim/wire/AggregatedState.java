package dev.nebula.sim.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The state the BFF derives per model (reference §9). */
public enum AggregatedState implements WireEnum {
    STOPPED("stopped"),
    DOWNLOADING("downloading"),
    STARTING("starting"),
    RUNNING("running"),
    DEGRADED("degraded"),
    FAILED("failed"),
    STOPPING("stopping");

    private final String wire;

    AggregatedState(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    /** Parses the exact wire spelling; null when it is not one. */
    @JsonCreator
    public static AggregatedState fromWire(String value) {
        for (AggregatedState v : values()) {
            if (v.wire.equals(value)) {
                return v;
            }
        }
        return null;
    }
}
