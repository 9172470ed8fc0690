package dev.nebula.catalog.inventory;

import java.time.Instant;
import java.util.Optional;

/**
 * What the import feature recorded about a registered model: its hub size (the true total of a download, which
 * Nebula never gives: its total_bytes is always 0), who imported it and when. Models registered outside the catalog
 * have none; then the inventory falls back to the largest complete cached copy for the total, and otherwise admits
 * that the total is unknown.
 */
public interface ImportFacts {

    record Fact(Long expectedBytes, String importedBy, Instant importedAt) {
    }

    /** What the latest successful import of this uid recorded, if there was one. */
    Optional<Fact> of(String modelUid);

    /** The model was deleted through the catalog: its import is over, and the hub model may be imported again. */
    void removed(String modelUid);

    /**
     * A complete model list read at {@code readAt}: imports created before then whose model it lacks were deleted
     * some other way (Nebula's UI, CLI or API) and are marked removed. Must not block the caller.
     */
    void listed(java.util.Set<String> modelUids, Instant readAt);
}
