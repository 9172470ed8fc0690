package dev.nebula.catalog.inventory;

import dev.nebula.catalog.inventory.InventoryApi.CacheCopy;
import dev.nebula.catalog.inventory.InventoryApi.Detail;
import dev.nebula.catalog.inventory.InventoryApi.Observation;
import dev.nebula.catalog.inventory.InventoryApi.Page;
import dev.nebula.catalog.inventory.InventoryApi.Row;
import dev.nebula.catalog.nebula.NebulaDtos.CacheEntry;
import dev.nebula.catalog.auth.NebulaSession;
import dev.nebula.catalog.replicas.ReplicaNotice;
import dev.nebula.catalog.replicas.ReplicaNotices;
import dev.nebula.catalog.web.ApiException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import dev.nebula.catalog.config.CatalogConfig;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The downloaded-models view: one cluster-wide snapshot, refreshed as the calling user (see {@link #snapshot()}) and
 * shared by every signed-in caller (the resource admits viewers and up only). Blocking; call on a worker thread.
 */
@ApplicationScoped
public class InventoryService {

    @Inject
    NebulaStateFetcher fetcher;

    @Inject
    SnapshotBuilder builder;

    @Inject
    SnapshotRecorder recorder;

    @Inject
    CatalogConfig config;

    @Inject
    NebulaSession session;

    @Inject
    ReplicaNotices notices;

    private SnapshotHolder<Snapshot> holder;

    /** The recording of the latest build's observations; a detail's timeline waits for it (bounded). */
    private volatile CompletableFuture<Void> recording = CompletableFuture.completedFuture(null);
    static final Duration RECORDING_WAIT = Duration.ofSeconds(2);

    /**
     * Builds snapshots, and then records what they observed, on a thread of its own, never on the request workers:
     * those may all be blocked waiting for this very refresh (200 pollers at once used to starve it until first-wait).
     * One thread is enough, as there is never more than one refresh in flight; it also orders each recording after
     * the publication of its snapshot and before the next build, which reads what was recorded.
     */
    private final ExecutorService builds = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "inventory-snapshot");
        t.setDaemon(true);
        return t;
    });

    @PreDestroy
    void stop() {
        builds.shutdownNow();
    }

    @PostConstruct
    void init() {
        CatalogConfig.Inventory c = config.inventory();
        holder = new SnapshotHolder<>(c.freshFor(), c.revalidateFor(), c.slowAfter(), c.firstWait());
    }

    /** Since when block A's refreshes fail because Nebula does not answer; empty while they succeed. */
    public java.util.Optional<java.time.Instant> nebulaFailingSince() {
        return holder == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(holder.failingSince());
    }

    /** The last snapshot any caller caused, for in-memory questions such as "does the cluster hold X?". */
    java.util.Optional<Snapshot> latestSnapshot() {
        return holder == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(holder.latest());
    }

    /**
     * The shared snapshot. A refresh this caller starts begins with their session; when Nebula has ended it, the
     * refresh carries on as another identity and only this caller is told to sign in again.
     */
    SnapshotHolder.Served<Snapshot> snapshot() {
        CompletableFuture<Boolean> confirming = session.confirmation(); // a refresh this caller joins may not try it
        SnapshotHolder.Served<Snapshot> served;
        try {
            // Subscribed from our own thread, not the caller's worker: a REST client call made on a worker thread
            // hands its answers back through the worker pool, which the waiting callers may have exhausted. Built
            // off the event loop, as the build reads what earlier refreshes recorded.
            served = holder.get(this::refresh);
        } catch (ApiException e) {
            session.requireLive(confirming); // an ended session of the caller's own explains the failure best
            throw e;
        }
        session.requireLive(confirming);
        return served;
    }

    /**
     * One refresh: read Nebula, build, and once the holder has published the snapshot, record what the build
     * observed. The recording is queued on the same single thread, so it runs after the publication (which happens
     * while this build's future completes) and before the next build.
     */
    private CompletableFuture<Snapshot> refresh() {
        CompletableFuture<SnapshotBuilder.Built> built = session.sharedRead(fetcher::fetch)
                .runSubscriptionOn(builds)
                .emitOn(builds)
                .map(builder::build)
                .subscribeAsCompletionStage();
        recording = built.thenAcceptAsync(b -> recorder.record(b.observed()), builds);
        return built.thenApply(SnapshotBuilder.Built::snapshot);
    }

    /** The snapshot node by node (the cache manager), refreshed like the list. */
    public ClusterView cluster() {
        SnapshotHolder.Served<Snapshot> served = snapshot();
        return ClusterView.of(served.value(), served.stale());
    }

    /** A registered model's row from a current snapshot (refreshed like the list); empty when Nebula has no such uid. */
    public java.util.Optional<Row> row(String uid) {
        return java.util.Optional.ofNullable(snapshot().value().byUid().get(uid));
    }

    /**
     * The models imported through the catalog, from the last snapshot anyone caused, without asking Nebula: for
     * background work that must never add to block A's refreshes.
     */
    public List<UpstreamFacts.Pinned> pinnedModels() {
        return latestSnapshot().map(Snapshot::pinned).orElse(List.of());
    }

    public Page list(InventoryQuery query) {
        SnapshotHolder.Served<Snapshot> served = snapshot();
        List<Row> filtered = query.filter(served.value().rows());
        return new Page(query.page(filtered), query.page(), query.limit(), filtered.size(),
                served.asOf().toString(), served.stale());
    }

    public Detail detail(String uid) {
        SnapshotHolder.Served<Snapshot> served = snapshot();
        Snapshot s = served.value();
        Row row = s.byUid().get(uid);
        if (row == null) {
            throw ApiException.notFound("No registered model with uid '" + uid + "'"
                    + (served.stale() ? " in the last known model list (Nebula is not answering right now)." : "."));
        }
        List<CacheCopy> copies = copies(s, s.copies().getOrDefault(uid, List.of()));
        awaitRecording();
        List<Observation> timeline = recorder.observations(uid).stream()
                .map(o -> new Observation(o.id(), o.kind(), o.nodeId(), o.replicaId(), o.summary(),
                        o.occurredAt().toString(), o.firstSeenAt().toString(), o.lastSeenAt().toString()))
                .toList();
        return new Detail(row, copies, timeline, served.asOf().toString(), served.stale());
    }

    /** The timeline should include what the snapshot just served observed; a slow database only delays it. */
    private void awaitRecording() {
        try {
            recording.get(RECORDING_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the timeline shows what was recorded before; the recorder logged its own failure
        }
    }

    static List<CacheCopy> copies(Snapshot s, List<CacheEntry> entries) {
        return entries.stream()
                .sorted(Comparator.comparing(CacheEntry::node_id).thenComparing(CacheEntry::cache_path))
                .map(e -> new CacheCopy(e.node_id(), e.cache_path(), CachePaths.origin(e).layout(), e.size_bytes(),
                        e.file_count(), e.complete(), SnapshotBuilder.iso(e.last_accessed_ms()), s.alive(e.node_id())))
                .toList();
    }

    /**
     * After a write (a delete here, an import in the imports feature), the next caller must see Nebula's new state
     * rather than a snapshot from before it, on this replica and on every other one (which hear it through
     * {@link ReplicaNotices}). Blocking.
     */
    public void invalidate(String uid) {
        fetcher.forget(uid);
        holder.invalidate();
        notices.publish(ReplicaNotice.Topic.INVENTORY, uid);
    }

    /** Another replica imported or deleted {@code uid}, or notices may have been missed: refresh at the next call. */
    void onOtherReplica(@Observes ReplicaNotice notice) {
        if (notice.topic() == ReplicaNotice.Topic.INVENTORY) {
            fetcher.forget(notice.subject());
        }
        if (notice.topic() != ReplicaNotice.Topic.SESSION && holder != null) {
            holder.invalidate();
        }
    }
}
