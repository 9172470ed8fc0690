package dev.nebula.sim.wire;

import com.fasterxml.jackson.annotation.JsonCreator;

/** What the operator asked for; the aggregated state is derived from it plus runtime records. */
public enum DesiredState implements WireEnum {
    RUNNING,
    STOPPED;

    /** Parses the exact wire spelling; null when it is not one. */
    @JsonCreator
    public static DesiredState fromWire(String value) {
        return WireEnum.parse(DesiredState.class, value);
    }
}
