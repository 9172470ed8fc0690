package dev.nebula.sim.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Disk alert kinds, written above 85 % and 95 % usage. */
public enum AlertType implements WireEnum {
    DISK_WARNING("disk_warning"),
    DISK_CRITICAL("disk_critical");

    private final String wire;

    AlertType(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    /** Parses the exact wire spelling; null when it is not one. */
    @JsonCreator
    public static AlertType fromWire(String value) {
        for (AlertType v : values()) {
            if (v.wire.equals(value)) {
                return v;
            }
        }
        return null;
    }
}
