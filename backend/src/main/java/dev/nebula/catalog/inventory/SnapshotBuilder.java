package dev.nebula.catalog.inventory;

import dev.nebula.catalog.inventory.InventoryApi.NodeCopy;
import dev.nebula.catalog.inventory.InventoryApi.Progress;
import dev.nebula.catalog.inventory.InventoryApi.Replicas;
import dev.nebula.catalog.inventory.InventoryApi.Row;
import dev.nebula.catalog.nebula.NebulaDtos;
import dev.nebula.catalog.nebula.NebulaDtos.CacheEntry;
import dev.nebula.catalog.nebula.NebulaDtos.DownloadProgress;
import dev.nebula.catalog.nebula.NebulaDtos.ModelDetail;
import dev.nebula.catalog.nebula.NebulaDtos.ModelView;
import dev.nebula.catalog.nebula.NebulaDtos.NodeDisk;
import dev.nebula.catalog.web.Notice;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Joins one {@link NebulaState} into rows: registered models first by our strict cache join, then cache-only files.
 * Pure apart from the download-speed samples it needs to compute speeds: it reads what earlier refreshes recorded
 * ({@link History}) and returns what this one observed beside the snapshot, for {@link SnapshotRecorder} to keep
 * once the snapshot is published.
 */
@ApplicationScoped
public class SnapshotBuilder {

    public static final String REVISION_LABEL = "catalog.revision";
    /** Provenance labels an import writes (see imports.ImportService): which hub, which hub model. */
    public static final String PROVIDER_LABEL = "catalog.provider";
    public static final String MODEL_ID_LABEL = "catalog.model-id";
    static final Notice CACHE_ONLY = Notice.of("cache_only", "These files belong to no registered model. Nebula can "
            + "only delete a registered model (by uid), so remove the directory on the node, or register the model and "
            + "delete it.");

    /** Why the files of a model deleted through the catalog cannot be deleted again. */
    static final Notice GC_PENDING = Notice.of("gc_pending", "The model was deleted; Nebula's garbage collection is "
            + "removing these files from the nodes.");

    /** A snapshot and what its build observed. */
    record Built(Snapshot snapshot, List<Observed> observed) {
    }

    private final ImportFacts imports;
    private final DownloadSamples samples;
    private final History history;
    private final UpstreamFacts upstream;

    SnapshotBuilder(ImportFacts imports, DownloadSamples samples, History history, UpstreamFacts upstream) {
        this.imports = imports;
        this.samples = samples;
        this.history = history;
        this.upstream = upstream;
    }

    Built build(NebulaState state) {
        List<Observed> observed = new ArrayList<>();
        List<CacheEntry> entries = state.summary() == null || state.summary().caches() == null ? List.of()
                : state.summary().caches();
        List<CacheJoin.Spec> specs = state.models().stream().map(m -> new CacheJoin.Spec(m.model_uid(), m.model_name(),
                Optional.ofNullable(state.specs().get(m.model_uid())).map(NebulaState.SpecFacts::modelPath).orElse(null)))
                .toList();
        CacheJoin.Result join = CacheJoin.join(specs, entries);
        Map<String, String> modelDirs = new HashMap<>();
        List<NodeDisk> disks = state.summary() == null || state.summary().nodes() == null ? List.of()
                : state.summary().nodes();
        for (NodeDisk n : disks) {
            modelDirs.put(n.node_id(), n.model_dir());
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Row> byUid = new LinkedHashMap<>();
        Map<String, List<CacheEntry>> copies = new HashMap<>(join.byUid());
        for (ModelView m : state.models()) {
            Row row = registered(m, state, join.byUid().getOrDefault(m.model_uid(), List.of()), observed);
            rows.add(row);
            byUid.put(m.model_uid(), row);
        }
        for (List<CacheEntry> group : join.cacheOnly().values()) {
            Row row = cacheOnly(group, state);
            rows.add(row);
            copies.put("cache-only:" + row.model_name(), group);
        }
        rows.sort(Comparator.comparing(Row::model_name, String.CASE_INSENSITIVE_ORDER));
        observed.add(new Observed.Listed(Set.copyOf(byUid.keySet()), state.readAt()));
        return new Built(new Snapshot(state.readAt(), List.copyOf(rows), byUid, specs, entries, copies, modelDirs,
                state.liveNodes(), disks, state.overview(), state.alerts(), state.lastHeartbeats(), pinned(state)),
                List.copyOf(observed));
    }

    private Row registered(ModelView m, NebulaState state, List<CacheEntry> copies, List<Observed> observed) {
        ModelDetail detail = state.details().get(m.model_uid());
        NebulaState.SpecFacts facts = state.specs().get(m.model_uid());
        Optional<ImportFacts.Fact> imported = imports.of(m.model_uid());
        Progress progress = null;
        if (detail != null && detail.download_progress() != null) {
            List<DownloadProgress> records = detail.download_progress().replicas();
            progress = ProgressBuilder.build(m.model_uid(), records,
                    records == null ? null : expectedTotal(imported, copies, records), samples);
        }
        FailureFacts.Assessment failure = FailureFacts.assess(m, detail, progress, state,
                history.observations(m.model_uid()), state.readAt());
        observed.addAll(failure.facts());
        InventoryApi.RowError error = failure.error();
        String modelState = failedDownload(m, error, progress) ? "failed" : m.state();
        String revision = m.labels() == null ? null : m.labels().get(REVISION_LABEL);
        Replicas replicas = m.replicas() == null ? new Replicas(0, 0, 0)
                : new Replicas(m.replicas().desired(), m.replicas().ready(), m.replicas().unhealthy());
        List<DownloadProgress> records = detail == null || detail.download_progress() == null
                || detail.download_progress().replicas() == null ? List.of() : detail.download_progress().replicas();
        Optional<Instant> lastRunning = history.lastSeenRunning(m.model_uid());
        if (replicas.ready() > 0) {
            observed.add(new Observed.Running(m.model_uid(), m.model_name(), state.readAt()));
            lastRunning = Optional.of(state.readAt());
        }
        List<InventoryApi.ModelEndpoint> endpoints = m.endpoints() == null ? List.of() : m.endpoints().stream()
                .sorted(Comparator.comparingLong(NebulaDtos.Endpoint::replica_id))
                .map(e -> new InventoryApi.ModelEndpoint(e.replica_id(), e.node_id(), e.status(), e.base_url()))
                .toList();
        return row(m.model_name(), m.model_uid(), facts == null ? null : sourceOf(facts.source()), revision, copies,
                expectedTotal(imported, copies, records), state, new Lifecycle(modelState,
                        lastRunning.map(Instant::toString).orElse(null), m.engine_type(),
                        replicas, endpoints), progress, error, imported.orElse(null), true, null,
                newerRevision(m.labels(), revision));
    }

    private static List<UpstreamFacts.Pinned> pinned(NebulaState state) {
        return state.models().stream().map(ModelView::labels).filter(l -> l != null && l.get(PROVIDER_LABEL) != null
                        && l.get(MODEL_ID_LABEL) != null && l.get(REVISION_LABEL) != null)
                .map(l -> new UpstreamFacts.Pinned(l.get(PROVIDER_LABEL), l.get(MODEL_ID_LABEL), l.get(REVISION_LABEL)))
                .distinct().toList();
    }

    /** Only for models the catalog imported: their labels say which hub model and which revision. */
    private InventoryApi.NewerRevision newerRevision(Map<String, String> labels, String revision) {
        if (labels == null || revision == null || labels.get(PROVIDER_LABEL) == null || labels.get(MODEL_ID_LABEL) == null) {
            return null;
        }
        return upstream.newer(labels.get(PROVIDER_LABEL), labels.get(MODEL_ID_LABEL), revision).orElse(null);
    }

    /**
     * Nebula keeps a model whose download failed on every replica "starting" until its 5-minute failed timer runs
     * out, with a frozen bar. The row says failed as soon as no replica is still fetching or serving: every download
     * record failed, or the records expired and no endpoint has come up.
     */
    private static boolean failedDownload(ModelView m, InventoryApi.RowError error, Progress progress) {
        if (error == null || !ModelObservation.DOWNLOAD_FAILED.equals(error.code())
                || !("starting".equals(m.state()) || "downloading".equals(m.state()))) {
            return false;
        }
        if (progress != null) {
            return !progress.replicas().isEmpty() && progress.replicas().stream().allMatch(r -> "failed".equals(r.phase()));
        }
        return "starting".equals(m.state()) && (m.endpoints() == null || m.endpoints().isEmpty());
    }

    /** What a registered row says about the model's life beyond its files; cache-only rows have none of it. */
    private record Lifecycle(String state, String lastSeenRunning, String engineType, Replicas replicas,
                             List<InventoryApi.ModelEndpoint> endpoints) {
    }

    private Row cacheOnly(List<CacheEntry> group, NebulaState state) {
        CachePaths.Origin origin = CachePaths.origin(group.get(0));
        Optional<ModelActivity.Deletion> deleted = history.beingRemoved(origin.modelId());
        String source = deleted.map(ModelActivity.Deletion::source).filter(x -> x != null).orElse(origin.source());
        return row(origin.modelId(), null, source, null, group, expectedTotal(Optional.empty(), group, List.of()),
                state, new Lifecycle(deleted.isPresent() ? "removing" : "cached", null, null, null, List.of()),
                null, null, null, false, deleted.isPresent() ? GC_PENDING : CACHE_ONLY, null);
    }

    private static Row row(String name, String uid, String source, String revision, List<CacheEntry> copies,
                           Long size, NebulaState state, Lifecycle life, Progress progress,
                           InventoryApi.RowError error, ImportFacts.Fact imported, boolean deletable,
                           Notice blocked, InventoryApi.NewerRevision newer) {
        List<NodeCopy> nodes = copies.stream()
                .sorted(Comparator.comparing(CacheEntry::node_id).thenComparing(CacheEntry::cache_path))
                .map(e -> new NodeCopy(e.node_id(), e.cache_path(), e.size_bytes(), e.complete(), iso(e.last_accessed_ms()),
                        state.liveNodes() == null ? null : state.liveNodes().contains(e.node_id())))
                .toList();
        int nodeCount = (int) copies.stream().map(CacheEntry::node_id).distinct().count();
        String lastUsed = copies.stream().mapToLong(CacheEntry::last_accessed_ms).max().stream()
                .mapToObj(SnapshotBuilder::iso).findFirst().orElse(null);
        return new Row(name, uid, source, revision, size, nodes, nodeCount, lastUsed, life.lastSeenRunning(),
                life.state(), life.engineType(), life.replicas(), life.endpoints(), progress,
                error, imported == null ? null : imported.importedBy(),
                imported == null || imported.importedAt() == null ? null : imported.importedAt().toString(),
                deletable, blocked == null ? List.of() : List.of(blocked),
                uid == null ? List.of() : ModelActions.allowed(life.state()), newer);
    }

    /**
     * A model's size, one copy's (a row's Size, and the total for its download progress): the hub size when the
     * import recorded one, else the largest complete copy already on some node; null when neither is known. Summing
     * the copies made a model on three nodes read three times its size, dead-node and partial copies included. A copy on a
     * node that is still downloading the model does not count, nor one smaller than what a replica has already
     * downloaded: Nebula's scanner calls a Hugging Face copy complete as soon as {@code snapshots/} and a
     * {@code config.json} exist, and taking such a partial copy as the total showed 100 % mid-download. Unknown
     * beats a false 100 %.
     */
    static Long expectedTotal(Optional<ImportFacts.Fact> imported, List<CacheEntry> copies,
                              List<DownloadProgress> records) {
        Set<String> downloadingOn = records.stream().filter(r -> "downloading".equals(r.phase()))
                .map(DownloadProgress::node_id).collect(Collectors.toSet());
        long downloaded = records.stream().mapToLong(DownloadProgress::downloaded_bytes).max().orElse(0);
        return imported.map(ImportFacts.Fact::expectedBytes)
                .orElseGet(() -> copies.stream().filter(CacheEntry::complete)
                        .filter(e -> !downloadingOn.contains(e.node_id()) && e.size_bytes() >= downloaded)
                        .mapToLong(CacheEntry::size_bytes).boxed().max(Long::compare).orElse(null));
    }

    static String sourceOf(String nebulaSource) {
        if (nebulaSource == null) {
            return null;
        }
        return switch (nebulaSource) {
            case "hugging_face" -> "huggingface";
            case "model_scope" -> "modelscope";
            case "local" -> "local";
            default -> null;
        };
    }

    static String iso(long ms) {
        return ms <= 0 ? null : Instant.ofEpochMilli(ms).toString();
    }
}
