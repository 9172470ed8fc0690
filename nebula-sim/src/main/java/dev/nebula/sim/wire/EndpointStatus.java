package dev.nebula.sim.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Engine health as the node reports it. */
public enum EndpointStatus implements WireEnum {
    STARTING("starting"),
    READY("ready"),
    UNHEALTHY("unhealthy"),
    DRAINING("draining");

    private final String wire;

    EndpointStatus(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    /** Parses the exact wire spelling; null when it is not one. */
    @JsonCreator
    public static EndpointStatus fromWire(String value) {
        for (EndpointStatus v : values()) {
            if (v.wire.equals(value)) {
                return v;
            }
        }
        return null;
    }
}
