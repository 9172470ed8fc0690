package dev.nebula.sim.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What the operator asked for; the aggregated state is derived from it plus runtime records. */
public enum DesiredState implements WireEnum {
    RUNNING("running"),
    STOPPED("stopped");

    private final String wire;

    DesiredState(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    /** Parses the exact wire spelling; null when it is not one. */
    @JsonCreator
    public static DesiredState fromWire(String value) {
        for (DesiredState v : values()) {
            if (v.wire.equals(value)) {
                return v;
            }
        }
        return null;
    }
}
