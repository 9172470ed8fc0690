package dev.nebula.sim.wire;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * An enum with Nebula's wire spelling: serde's {@code rename_all = "snake_case"} of a Rust variant, which is the Java
 * constant's name in lower case.
 */
public interface WireEnum {

    /** The constant's name (every enum has it). */
    String name();

    @JsonValue
    default String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} spelled {@code value} on the wire; null when there is none. */
    static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wire().equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
