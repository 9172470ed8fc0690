package dev.nebula.sim.wire;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Engine health as the node reports it. */
public enum EndpointStatus implements WireEnum {
    STARTING,
    READY,
    UNHEALTHY,
    DRAINING;

    /** Parses the exact wire spelling; null when it is not one. */
    @JsonCreator
    public static EndpointStatus fromWire(String value) {
        return WireEnum.parse(EndpointStatus.class, value);
    }
}
