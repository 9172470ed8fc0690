package dev.nebula.sim.wire;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Download phase; verifying is declared upstream but never written (reference §10). */
public enum DownloadPhase implements WireEnum {
    DOWNLOADING,
    VERIFYING,
    COMPLETE,
    FAILED;

    /** Parses the exact wire spelling; null when it is not one. */
    @JsonCreator
    public static DownloadPhase fromWire(String value) {
        return WireEnum.parse(DownloadPhase.class, value);
    }
}
