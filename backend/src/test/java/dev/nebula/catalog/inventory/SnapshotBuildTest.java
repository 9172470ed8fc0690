package dev.nebula.catalog.inventory;

import dev.nebula.catalog.inventory.InventoryApi.Row;
import dev.nebula.catalog.nebula.NebulaDtos.Assignment;
import dev.nebula.catalog.nebula.NebulaDtos.CacheSummary;
import dev.nebula.catalog.nebula.NebulaDtos.Deployment;
import dev.nebula.catalog.nebula.NebulaDtos.DownloadProgress;
import dev.nebula.catalog.nebula.NebulaDtos.DownloadProgressSet;
import dev.nebula.catalog.nebula.NebulaDtos.Endpoint;
import dev.nebula.catalog.nebula.NebulaDtos.ModelDetail;
import dev.nebula.catalog.nebula.NebulaDtos.ModelView;
import dev.nebula.catalog.nebula.NebulaDtos.Placement;
import dev.nebula.catalog.nebula.NebulaDtos.ReplicaCount;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Block A's rules on a snapshot build alone: no Nebula, no database, no application. The build returns what it saw
 * beside the snapshot; the history it reads is what a recorder kept from earlier builds (here, a list in memory).
 */
class SnapshotBuildTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    /** Earlier builds' observations, kept the way the recorder keeps them, in memory. */
    static final class MemoryHistory implements History {
        final Map<String, List<Observations.Seen>> seen = new HashMap<>();
        final Map<String, Instant> running = new HashMap<>();

        @Override
        public List<Observations.Seen> observations(String uid) {
            return seen.getOrDefault(uid, List.of());
        }

        @Override
        public Optional<Instant> lastSeenRunning(String uid) {
            return Optional.ofNullable(running.get(uid));
        }

        @Override
        public Optional<ModelActivity.Deletion> beingRemoved(String modelName) {
            return Optional.empty();
        }

        /** What a recorder does with a build's observations, minus the database. */
        void keep(List<Observed> observed, Instant at) {
            for (Observed o : observed) {
                if (o instanceof Observed.Fact f) {
                    seen.put(f.uid(), Observations.merge(observations(f.uid()), List.of(f), at));
                } else if (o instanceof Observed.Running r) {
                    running.put(r.uid(), r.at());
                }
            }
        }
    }

    static final ImportFacts NO_IMPORTS = new ImportFacts() {
        @Override
        public Optional<Fact> of(String modelUid) {
            return Optional.empty();
        }

        @Override
        public void removed(String modelUid) {
            throw new AssertionError("a build never writes");
        }

        @Override
        public void listed(Set<String> modelUids, Instant readAt) {
            throw new AssertionError("a build never writes");
        }
    };

    final MemoryHistory history = new MemoryHistory();
    final SnapshotBuilder builder = new SnapshotBuilder(NO_IMPORTS, new DownloadSamples(), history,
            (provider, modelId, pinned) -> Optional.empty());

    static ModelView model(String uid, String state, long ready, List<Endpoint> endpoints) {
        return new ModelView(uid, "org/" + uid, "vllm", state, new ReplicaCount(1, ready, 0), endpoints, Map.of(),
                1L, 1L);
    }

    static ModelDetail detail(ModelView m, long startedMs, List<DownloadProgress> records, List<Assignment> placed) {
        return new ModelDetail(m.model_uid(), m.model_name(), m.engine_type(), m.state(), m.replicas(), Map.of(), 1L, 1L,
                null, new Deployment(m.model_uid(), "running", 1L, 3L, startedMs), new Placement(m.model_uid(), placed),
                m.endpoints(), records == null ? null : new DownloadProgressSet(records), null);
    }

    static NebulaState state(Instant at, Set<String> live, Map<String, Long> heartbeats, ModelView m, ModelDetail d) {
        return new NebulaState(at, List.of(m), new CacheSummary(0, 0, List.of(), List.of()), live,
                d == null ? Map.of() : Map.of(m.model_uid(), d), Map.of(), heartbeats, null, null);
    }

    static Row only(SnapshotBuilder.Built built) {
        assertEquals(1, built.snapshot().rows().size());
        return built.snapshot().rows().get(0);
    }

    static <T extends Observed> List<T> of(Class<T> type, SnapshotBuilder.Built built) {
        List<T> out = new ArrayList<>();
        built.observed().stream().filter(type::isInstance).map(type::cast).forEach(out::add);
        return out;
    }

    @Test
    void aDownloadThatFailedOnEveryReplicaReadsFailedAtOnceAndIsObservedForLater() {
        ModelView m = model("m1", "starting", 0, List.of());
        long failedAt = NOW.minusSeconds(5).toEpochMilli();
        ModelDetail d = detail(m, NOW.minusSeconds(60).toEpochMilli(),
                List.of(new DownloadProgress("m1", 0, "gpu-1", "org/m1", "failed", 0, 0, 0, 0, failedAt)), List.of());

        SnapshotBuilder.Built built = builder.build(state(NOW, Set.of("gpu-1"), Map.of(), m, d));

        Row row = only(built);
        assertEquals("failed", row.state(), "well before Nebula's 5-minute timer");
        assertEquals(ModelObservation.DOWNLOAD_FAILED, row.error().code());
        List<Observed.Fact> facts = of(Observed.Fact.class, built);
        assertEquals(1, facts.size());
        assertEquals(ModelObservation.DOWNLOAD_FAILED, facts.get(0).kind());
        assertEquals(Instant.ofEpochMilli(failedAt), facts.get(0).occurredAt());
        assertEquals(List.of(new Observed.Listed(Set.of("m1"), NOW)), of(Observed.Listed.class, built));

        // Nebula's record expires; what the recorder kept still says why, with the time it happened
        history.keep(built.observed(), NOW);
        ModelDetail gone = detail(m, NOW.minusSeconds(60).toEpochMilli(), null, List.of());
        Row later = only(builder.build(state(NOW.plusSeconds(40), Set.of("gpu-1"), Map.of(), m, gone)));
        assertEquals("failed", later.state());
        assertNull(later.progress());
        assertTrue(later.error().summary().startsWith("Download failed on gpu-1"), later.error().summary());
        assertEquals(Instant.ofEpochMilli(failedAt).toString(), later.error().since());
    }

    @Test
    void aNodeThatStoppedReportingIsNamedWithItsLastHeartbeat() {
        ModelView m = model("m2", "failed", 0, List.of());
        long beat = NOW.minusSeconds(90).toEpochMilli();
        ModelDetail d = detail(m, NOW.minusSeconds(3600).toEpochMilli(), null,
                List.of(new Assignment(0, "gpu-3", 0, null)));

        SnapshotBuilder.Built built = builder.build(state(NOW, Set.of("gpu-1"), Map.of("gpu-3", beat), m, d));

        Row row = only(built);
        assertEquals(ModelObservation.NODE_LOST, row.error().code());
        assertTrue(row.error().summary().startsWith("gpu-3 stopped reporting to Nebula"), row.error().summary());
        assertEquals(Instant.ofEpochMilli(beat).toString(), row.error().since());
        assertEquals(Set.of(ModelObservation.NODE_LOST, ModelObservation.MODEL_FAILED),
                Set.copyOf(of(Observed.Fact.class, built).stream().map(Observed.Fact::kind).toList()));
    }

    @Test
    void unhealthyReplicasAreDatedFromTheirFirstSightingAcrossRefreshes() {
        List<Endpoint> endpoints = List.of(new Endpoint("m3", 0, "gpu-1", "ready", 1L, "http://a"),
                new Endpoint("m3", 1, "gpu-2", "unhealthy", 1L, "http://b"));
        ModelView m = model("m3", "degraded", 1, endpoints);

        SnapshotBuilder.Built first = builder.build(state(NOW, Set.of("gpu-1", "gpu-2"), Map.of(), m, null));
        assertEquals(FailureFacts.REPLICAS_UNHEALTHY, only(first).error().code());
        assertEquals("1 of 2 replicas unhealthy: replica 1 on gpu-2", only(first).error().summary());
        history.keep(first.observed(), NOW);

        Row later = only(builder.build(state(NOW.plusSeconds(120), Set.of("gpu-1", "gpu-2"), Map.of(), m, null)));
        assertEquals(NOW.toString(), later.error().since(), "since the first sighting, not this refresh");
    }

    @Test
    void aServingModelIsObservedRunningAndSaysSoInTheSameSnapshot() {
        ModelView m = model("m4", "running", 1, List.of(new Endpoint("m4", 0, "gpu-1", "ready", 1L, "http://a")));

        SnapshotBuilder.Built built = builder.build(state(NOW, Set.of("gpu-1"), Map.of(), m, null));

        assertEquals(NOW.toString(), only(built).last_seen_running());
        assertEquals(List.of(new Observed.Running("m4", "org/m4", NOW)), of(Observed.Running.class, built));
        assertNull(only(built).error());
    }

    @Test
    void progressHasASpeedAndNoInventedTotalFromTwoSuccessiveBuilds() {
        ModelView m = model("m5", "downloading", 0, List.of());
        long t0 = NOW.toEpochMilli();
        builder.build(state(NOW, Set.of("gpu-1"), Map.of(), m, detail(m, t0, List.of(
                new DownloadProgress("m5", 0, "gpu-1", "org/m5", "downloading", 0, 1_000_000, 0, 1, t0)), List.of())));
        Row row = only(builder.build(state(NOW.plusSeconds(2), Set.of("gpu-1"), Map.of(), m, detail(m, t0, List.of(
                new DownloadProgress("m5", 0, "gpu-1", "org/m5", "downloading", 0, 5_000_000, 0, 2, t0 + 2_000)),
                List.of()))));

        assertEquals(2_000_000L, row.progress().speed_bytes_per_sec());
        assertNull(row.progress().percent(), "no total is known: no percent");
        assertNull(row.progress().eta_seconds());
        assertNotNull(row.progress().replicas().get(0).updated_at());
    }
}
