package dev.nebula.catalog.inventory;

import java.util.Optional;

/**
 * What the hubs last said about the default branch of models imported through the catalog, checked in the
 * background (see the upstream package). Answered from memory: block A asks on every refresh and never waits for
 * a hub.
 */
public interface UpstreamFacts {

    /** A model imported through the catalog: its hub model and the revision its import recorded (labels). */
    record Pinned(String provider, String modelId, String revision) {
    }

    /**
     * The hub's newer revision of {@code provider}/{@code modelId}, when its default branch has moved past
     * {@code pinned} (the sha the import recorded); empty when it has not, or nothing is known yet.
     */
    Optional<InventoryApi.NewerRevision> newer(String provider, String modelId, String pinned);
}
