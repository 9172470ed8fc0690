package dev.nebula.sim.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Download phase; verifying is declared upstream but never written (reference §10). */
public enum DownloadPhase implements WireEnum {
    DOWNLOADING("downloading"),
    VERIFYING("verifying"),
    COMPLETE("complete"),
    FAILED("failed");

    private final String wire;

    DownloadPhase(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    /** Parses the exact wire spelling; null when it is not one. */
    @JsonCreator
    public static DownloadPhase fromWire(String value) {
        for (DownloadPhase v : values()) {
            if (v.wire.equals(value)) {
                return v;
            }
        }
        return null;
    }
}
