package dev.nebula.sim.wire;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Disk alert kinds, written above 85 % and 95 % usage. */
public enum AlertType implements WireEnum {
    DISK_WARNING,
    DISK_CRITICAL;

    /** Parses the exact wire spelling; null when it is not one. */
    @JsonCreator
    public static AlertType fromWire(String value) {
        return WireEnum.parse(AlertType.class, value);
    }
}
