package dev.nebula.catalog.inventory;

import dev.nebula.catalog.inventory.InventoryApi.Progress;
import dev.nebula.catalog.inventory.InventoryApi.ReplicaProgress;
import dev.nebula.catalog.inventory.InventoryApi.RowError;
import dev.nebula.catalog.nebula.NebulaDtos.Endpoint;
import dev.nebula.catalog.nebula.NebulaDtos.ModelDetail;
import dev.nebula.catalog.nebula.NebulaDtos.ModelView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Notes what Nebula will forget (failed download records, the failed timer, unhealthy replicas, lost nodes) and
 * answers a row's {@code error} from those observations, so a failed row still says why after Nebula's record is
 * gone. Only observations since the model's last start/stop/scale count: an old failure is not this run's reason.
 * Pure: it reads what earlier refreshes recorded and returns this refresh's facts for the recorder to keep.
 */
final class FailureFacts {

    /** Nebula's failed timer (reference §9, rule 7). */
    static final long FAILED_AFTER_MS = 300_000;

    /** A row's error code when some replicas are unhealthy (the observations are per replica). */
    static final String REPLICAS_UNHEALTHY = "replicas_unhealthy";

    /** A row's error and the facts this refresh observed about the model. */
    record Assessment(RowError error, List<Observed.Fact> facts) {
    }

    private FailureFacts() {
    }

    /**
     * @param history what earlier refreshes recorded about the model, newest first
     * @param now     when this refresh happened
     */
    static Assessment assess(ModelView m, ModelDetail detail, Progress progress, NebulaState state,
                             List<Observations.Seen> history, Instant now) {
        List<Observed.Fact> facts = new ArrayList<>();
        String uid = m.model_uid();
        lostNodes(m, detail, state, now, facts);
        if (progress != null) {
            for (ReplicaProgress r : progress.replicas()) {
                if ("failed".equals(r.phase())) {
                    Instant at = r.updated_at() == null ? now : Instant.parse(r.updated_at());
                    facts.add(new Observed.Fact(uid, m.model_name(), ModelObservation.DOWNLOAD_FAILED, r.node_id(),
                            r.replica_id(), "Download failed on " + r.node_id() + " (replica " + r.replica_id() + ") after "
                                    + Bytes.human(r.downloaded_bytes()) + "; Nebula publishes no reason, and the partial "
                                    + "files stay on the node.",
                            at, uid + "|download_failed|" + r.node_id() + "|" + r.replica_id() + "|" + at.toEpochMilli()));
                }
            }
        }
        Long startedMs = detail != null && detail.deployment() != null ? detail.deployment().updated_at_ms() : null;
        if ("failed".equals(m.state())) {
            Long version = detail != null && detail.deployment() != null ? detail.deployment().version() : null;
            Instant at = startedMs != null ? Instant.ofEpochMilli(startedMs + FAILED_AFTER_MS) : now;
            facts.add(new Observed.Fact(uid, m.model_name(), ModelObservation.MODEL_FAILED, null, null,
                    "No replica became ready within 5 minutes of the last start (Nebula's failure timer); "
                            + "Nebula keeps no reason.", at, uid + "|model_failed|" + version));
        }
        List<Endpoint> unhealthy = m.endpoints() == null ? List.of()
                : m.endpoints().stream().filter(e -> "unhealthy".equals(e.status())).toList();
        for (Endpoint e : unhealthy) {
            facts.add(new Observed.Fact(uid, m.model_name(), ModelObservation.REPLICA_UNHEALTHY, e.node_id(),
                    e.replica_id(), "Replica " + e.replica_id() + " on " + e.node_id() + " is unhealthy (its engine "
                            + "does not pass health checks).", now, uid + "|unhealthy|" + e.node_id() + "|" + e.replica_id()));
        }
        return new Assessment(errorFor(m, startedMs, unhealthy, Observations.merge(history, facts, now), now),
                List.copyOf(facts));
    }

    /**
     * A replica placed on a node that has left Nebula's node list (its 60 s lease ran out after the last heartbeat)
     * is gone with it. Without this, a model that ran for a day read as "no replica became ready within 5 minutes of
     * the last start", dated the day before.
     */
    private static void lostNodes(ModelView m, ModelDetail detail, NebulaState state, Instant now,
                                  List<Observed.Fact> facts) {
        if (state.liveNodes() == null || detail == null || detail.placement() == null
                || detail.placement().assignments() == null) {
            return;
        }
        for (var a : detail.placement().assignments()) {
            if (state.liveNodes().contains(a.node_id())) {
                continue;
            }
            Long beat = state.lastHeartbeats().get(a.node_id());
            Instant at = beat == null ? now : Instant.ofEpochMilli(beat);
            String when = beat == null ? "before this service first saw it" : "at " + at;
            facts.add(new Observed.Fact(m.model_uid(), m.model_name(), ModelObservation.NODE_LOST, a.node_id(),
                    a.replica_id(), a.node_id() + " stopped reporting to Nebula (last heartbeat " + when + "); replica "
                            + a.replica_id() + " on it is gone.",
                    at, m.model_uid() + "|node_lost|" + a.node_id() + "|" + a.replica_id() + "|" + at.toEpochMilli()));
        }
    }

    private static RowError errorFor(ModelView m, Long startedMs, List<Endpoint> unhealthy,
                                     List<Observations.Seen> seen, Instant now) {
        String state = m.state();
        Instant since = startedMs == null ? null : Instant.ofEpochMilli(startedMs);
        if ("failed".equals(state) || "starting".equals(state) || "downloading".equals(state)) {
            Observations.Seen download = latest(seen, since, ModelObservation.DOWNLOAD_FAILED);
            if (download != null && (!"downloading".equals(state) || since != null)) {
                if ("downloading".equals(state) && download.occurredAt().isBefore(now.minusSeconds(60))) {
                    return null; // retried since (e.g. Nebula's HF→ModelScope fallback) and making progress again
                }
                return RowError.of(download);
            }
        }
        if ("failed".equals(state) || "starting".equals(state)) {
            // a node lost since the last start explains the failure better than Nebula's timer
            Observations.Seen lost = latest(seen, since, ModelObservation.NODE_LOST);
            if (lost != null && lost.lastSeenAt().isAfter(now.minus(Observations.WINDOW))) {
                return RowError.of(lost);
            }
        }
        if ("failed".equals(state)) {
            Observations.Seen failed = latest(seen, null, ModelObservation.MODEL_FAILED);
            return failed == null ? null : RowError.of(failed);
        }
        if (!unhealthy.isEmpty()) {
            Observations.Seen first = seen.stream()
                    .filter(s -> ModelObservation.REPLICA_UNHEALTHY.equals(s.kind()))
                    .filter(s -> s.lastSeenAt().isAfter(now.minus(Observations.WINDOW)))
                    .min(Comparator.comparing(Observations.Seen::firstSeenAt)).orElse(null);
            String where = String.join(", ", unhealthy.stream().map(e -> "replica " + e.replica_id() + " on " + e.node_id()).toList());
            long total = m.endpoints().size();
            return new RowError(REPLICAS_UNHEALTHY, unhealthy.stream()
                    .map(e -> new InventoryApi.ReplicaRef(e.replica_id(), e.node_id())).toList(), (int) total,
                    unhealthy.size() + " of " + total + " replicas unhealthy: " + where,
                    first == null ? now.toString() : first.firstSeenAt().toString());
        }
        return null;
    }

    /** The latest observation of {@code kind} that happened at or after {@code since} (any time when null). */
    static Observations.Seen latest(List<Observations.Seen> seen, Instant since, String kind) {
        return seen.stream().filter(s -> kind.equals(s.kind()) && (since == null || !s.occurredAt().isBefore(since)))
                .max(Comparator.comparing(Observations.Seen::occurredAt)).orElse(null);
    }
}
