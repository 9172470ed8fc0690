package dev.nebula.sim.wire;

/** An enum with Nebula's snake_case wire spelling (serde {@code rename_all = "snake_case"}). */
public interface WireEnum {
    String wire();
}
