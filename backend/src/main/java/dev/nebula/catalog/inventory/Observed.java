package dev.nebula.catalog.inventory;

import java.time.Instant;
import java.util.Set;

/**
 * What one snapshot build saw that must outlive it. A build only returns these; {@link SnapshotRecorder} keeps them
 * once the snapshot is published, so building a snapshot (and so answering a GET) never writes.
 */
sealed interface Observed {

    /**
     * Something Nebula will forget (a failed download record, its failed timer, an unhealthy replica, a lost node).
     * {@code key} identifies the condition: seen again within {@link Observations#WINDOW} it is the same observation.
     */
    record Fact(String uid, String modelName, String kind, String nodeId, Long replicaId, String summary,
                Instant occurredAt, String key) implements Observed {
    }

    /** The model served (at least one replica ready) at {@code at}. */
    record Running(String uid, String modelName, Instant at) implements Observed {
    }

    /** A complete model list read at {@code readAt}: imports whose model it lacks were deleted some other way. */
    record Listed(Set<String> uids, Instant readAt) implements Observed {
    }
}
