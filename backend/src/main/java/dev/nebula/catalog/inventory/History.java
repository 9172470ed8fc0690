package dev.nebula.catalog.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What earlier refreshes recorded (see {@link SnapshotRecorder}), as a snapshot build reads it: read only. */
interface History {

    /** The model's observations, newest first. */
    List<Observations.Seen> observations(String uid);

    /** When the model was last seen serving; empty when never. */
    Optional<Instant> lastSeenRunning(String uid);

    /** A deletion of {@code modelName} through the catalog recent enough that its files are still being collected. */
    Optional<ModelActivity.Deletion> beingRemoved(String modelName);
}
