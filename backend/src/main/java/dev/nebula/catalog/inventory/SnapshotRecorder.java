package dev.nebula.catalog.inventory;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps what snapshot builds observed ({@link Observed}), after their snapshot is published, and tells the next build
 * what was kept ({@link History}). The writes happen here and only here: a build, and so every GET of block A,
 * only reads. Blocking; runs on the refresh thread, behind the publication of the snapshot it records.
 */
@ApplicationScoped
public class SnapshotRecorder implements History {

    private final Observations observations;
    private final ModelActivity activity;
    private final ImportFacts imports;

    SnapshotRecorder(Observations observations, ModelActivity activity, ImportFacts imports) {
        this.observations = observations;
        this.activity = activity;
        this.imports = imports;
    }

    void record(List<Observed> observed) {
        for (Observed o : observed) {
            if (o instanceof Observed.Fact fact) {
                observations.observe(fact);
            } else if (o instanceof Observed.Running running) {
                activity.sawRunning(running.uid(), running.modelName(), running.at());
            } else if (o instanceof Observed.Listed listed) {
                imports.listed(listed.uids(), listed.readAt());
            }
        }
    }

    @Override
    public List<Observations.Seen> observations(String uid) {
        return observations.recent(uid);
    }

    @Override
    public Optional<Instant> lastSeenRunning(String uid) {
        return activity.lastSeenRunning(uid);
    }

    @Override
    public Optional<ModelActivity.Deletion> beingRemoved(String modelName) {
        return activity.beingRemoved(modelName);
    }
}
