package dev.nebula.catalog.meta;

/** What {@code GET /capabilities} answers: {@link Capabilities} signed in, {@link Capabilities.Public} anonymous. */
public sealed interface CapabilitiesAnswer permits Capabilities, Capabilities.Public {
}
