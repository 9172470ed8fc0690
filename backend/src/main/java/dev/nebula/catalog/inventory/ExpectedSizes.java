package dev.nebula.catalog.inventory;

import java.util.Optional;

/**
 * Where a download's total comes from when Nebula gives none (it never does: its total_bytes is always 0).
 * The import feature supplies the hub's size recorded at import time; without it the inventory falls back to the
 * largest complete cached copy of the same model, and otherwise admits that the total is unknown.
 */
public interface ExpectedSizes {

    /** The full size in bytes of the model's files, when known. */
    Optional<Long> expectedBytes(String modelUid, String modelName);
}
