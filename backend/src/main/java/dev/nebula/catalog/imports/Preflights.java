package dev.nebula.catalog.imports;

import dev.nebula.catalog.auth.NebulaSession;
import dev.nebula.catalog.nebula.ModelUids;
import dev.nebula.catalog.config.CatalogConfig;
import dev.nebula.catalog.fit.FitApi;
import dev.nebula.catalog.fit.FitEstimator;
import dev.nebula.catalog.inventory.CachePaths;
import dev.nebula.catalog.nebula.NebulaClient;
import dev.nebula.catalog.nebula.NebulaDtos;
import dev.nebula.catalog.nebula.NebulaFailures;
import dev.nebula.catalog.search.ModelMetadata;
import dev.nebula.catalog.search.Provider;
import dev.nebula.catalog.search.SearchService;
import dev.nebula.catalog.web.ApiException;
import dev.nebula.catalog.web.Notice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the operator should know before a model is created: does the hub have it (and at which revision, how big),
 * can we download it (gated/private need a token), does the cluster already have it registered or cached, and is
 * there a node with room. Blocking problems stop the import; warnings are shown and the operator decides.
 */
@ApplicationScoped
public class Preflights {

    /** Above this, a node's disk gets a warning: model caches grow, and a full disk stops every download on it. */
    static final double NEARLY_FULL_PERCENT = 85.0;
    /** Suffixes tried for a free uid: far more imports of one model than anyone makes on purpose. */
    static final int MAX_SUFFIX = 20;

    @Inject
    SearchService search;

    @Inject
    NebulaClient nebula;

    @Inject
    CatalogConfig config;

    @Inject
    ImportRecords records;

    @Inject
    ImportResolver resolver;

    @Inject
    NebulaSession session;

    @Inject
    FitEstimator fit;

    /** The HTTP status an import refused for this blocking problem answers with. */
    static int statusOf(String blockingCode) {
        return switch (blockingCode) {
            case "hub_model_not_found" -> 404;
            case "model_exists", "already_imported", "import_in_progress" -> 409;
            default -> 422;
        };
    }

    /** The refusal of an import whose hub model (and requested uid) another live import already holds. */
    static ApiException alreadyClaimed(ImportRecord existing) {
        Notice check = claimedCheck(existing);
        return new ApiException(409, check.code(), check.message(), Map.of("import_id", existing.id.toString(),
                "model_uid", String.valueOf(existing.modelUid != null ? existing.modelUid : existing.sentUid)));
    }

    private static Notice claimedCheck(ImportRecord existing) {
        if (ImportRecord.CREATED.equals(existing.status)) {
            return Notice.of("already_imported", existing.modelId + " was imported as '" + existing.modelUid
                    + "', which Nebula still holds. Give a different model_uid to import a second copy.",
                    "model_id", existing.modelId, "model_uid", existing.modelUid);
        }
        return Notice.of("import_in_progress", existing.modelId + " is being imported as '" + existing.sentUid
                + "' (import " + existing.id + "); wait for it to finish, or give a different model_uid.",
                "model_id", existing.modelId, "model_uid", existing.sentUid, "import_id", existing.id.toString());
    }

    /**
     * The pre-flight answer plus the uids Nebula already uses (for uid generation), and Nebula's failure when the
     * cluster could not be read (an import then answers with it, e.g. 503 nebula_unavailable).
     */
    public record Checked(ImportApi.Preflight preflight, Set<String> existingUids, ApiException nebulaFailure) {
    }

    /** Whether {@code uid} is free: no model in Nebula has it and no import in flight is about to create it. */
    public ImportApi.UidCheck checkUid(String uid) {
        List<NebulaDtos.ModelView> models;
        try {
            models = session.call(token -> nebula.blocking().models(token));
        } catch (RuntimeException e) {
            throw e instanceof ApiException api ? api : NebulaFailures.toApi(e);
        }
        if (uidsOf(models).contains(uid)) {
            return new ImportApi.UidCheck(uid, false, Notice.of("model_uid_taken", "A model with uid '" + uid
                    + "' already exists in Nebula.", "model_uid", uid));
        }
        Optional<ImportRecord> inFlight = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> ImportRecord.inFlightWithUid(uid));
        return inFlight.map(r -> new ImportApi.UidCheck(uid, false, claimedCheck(r)))
                .orElseGet(() -> new ImportApi.UidCheck(uid, true, null));
    }

    /** The pre-flight as the caller. */
    public ImportApi.Preflight preflight(ImportApi.ImportRequest request) {
        return session.call(token -> check(request, token).preflight());
    }

    /**
     * Pre-flights of several imports as the caller, against one read of the cluster. A failure of one item (its hub
     * is failing, say) is that item's; an ended session fails them all.
     */
    public List<Outcome> preflightAll(List<ImportApi.ImportRequest> requests) {
        return session.call(token -> {
            ClusterRead cluster = ClusterRead.of(nebula, token);
            List<Outcome> out = new ArrayList<>();
            for (ImportApi.ImportRequest request : requests) {
                try {
                    out.add(new Outcome(check(request, token, cluster).preflight(), null));
                } catch (ApiException e) {
                    out.add(new Outcome(null, e));
                }
            }
            return out;
        });
    }

    /** One pre-flight of a batch: its answer, or why there is none. */
    public record Outcome(ImportApi.Preflight preflight, ApiException error) {
    }

    Checked check(ImportApi.ImportRequest request, String nebulaToken) {
        return check(request, nebulaToken, ClusterRead.of(nebula, nebulaToken));
    }

    private Checked check(ImportApi.ImportRequest request, String nebulaToken, ClusterRead cluster) {
        Provider provider = request.provider();
        Optional<ModelMetadata> hub = search.metadata(provider, request.model_id());
        List<NebulaDtos.ModelView> models = cluster.models();
        NebulaDtos.CacheSummary cache = cluster.cache();
        Set<String> live = cluster.live();
        java.time.OffsetDateTime listedAt = cluster.listedAt();
        List<Notice> blocking = new ArrayList<>();
        List<Notice> warnings = new ArrayList<>();
        ApiException nebulaFailure = cluster.failure();
        if (nebulaFailure != null) {
            // what the hub says is still worth showing; the import itself is blocked until the cluster can be read
            blocking.add(Notice.of("nebula_unreachable", "Nebula cannot be read right now, so it is unknown whether "
                    + "the cluster already holds this model or has room for it; the download is blocked until it answers."));
        }
        Set<String> uids = uidsOf(models);
        if (hub.isEmpty()) {
            blocking.add(Notice.of("hub_model_not_found", request.model_id() + " does not exist on "
                    + provider.label() + " (or it is private and no token is configured).",
                    "model_id", request.model_id(), "hub", provider.wire()));
        }
        hub.flatMap(m -> unsupportedRevision(provider, request.revision(), m)).ifPresent(blocking::add);
        // the earlier import first: "imported as X" says more than "X exists" when both are true
        earlierImport(request, models, listedAt).map(Preflights::claimedCheck).ifPresent(blocking::add);
        if (request.model_uid() != null && uids.contains(request.model_uid()) && blocking.isEmpty()) {
            blocking.add(Notice.of("model_exists", "A model with uid '" + request.model_uid()
                    + "' already exists in Nebula.", "model_uid", request.model_uid()));
        }
        boolean tokenSet = provider.hasToken(config);
        hub.filter(m -> (m.gated() || m.private_()) && !tokenSet).ifPresent(m -> blocking.add(Notice.of(
                "hub_token_required", request.model_id() + " is " + (m.gated() ? "gated" : "private") + " on "
                + provider.label() + ": set " + provider.tokenVariable() + " to a token whose account has been granted "
                + "access, restart the service, and try again.", "model_id", request.model_id(), "hub", provider.wire(),
                "access", m.gated() ? "gated" : "private", "variable", provider.tokenVariable())));
        List<ImportApi.Registered> registered = models.stream()
                .filter(m -> request.model_id().equals(m.model_name()))
                .map(m -> new ImportApi.Registered(m.model_uid(), m.model_name(), m.state())).toList();
        if (!registered.isEmpty()) {
            String uidList = String.join(", ", registered.stream().map(ImportApi.Registered::model_uid).toList());
            warnings.add(Notice.of("already_registered", "Nebula already has " + request.model_id()
                    + " registered as " + uidList + ".", "model_id", request.model_id(), "model_uids", uidList));
        }
        List<ImportApi.CachedCopy> cached = cache.caches().stream()
                .filter(c -> request.model_id().equals(CachePaths.origin(c).modelId()))
                .map(c -> new ImportApi.CachedCopy(c.node_id(), c.size_bytes(), c.complete())).toList();
        if (!cached.isEmpty()) {
            String nodeList = String.join(", ", cached.stream().map(ImportApi.CachedCopy::node_id).distinct().toList());
            warnings.add(Notice.of("already_cached", "Files of " + request.model_id() + " are already on " + nodeList + ".",
                    "model_id", request.model_id(), "nodes", nodeList));
        }
        Long size = hub.map(ModelMetadata::total_size_bytes).filter(s -> s > 0).orElse(null);
        Set<String> alive = live;
        List<ImportApi.NodeRoom> disk = (cache.nodes() == null ? List.<NebulaDtos.NodeDisk>of() : cache.nodes()).stream()
                .map(n -> room(n, alive == null || alive.contains(n.node_id()), size)).toList();
        for (ImportApi.NodeRoom n : disk) {
            if (n.alive() && n.used_percent() != null && n.used_percent() > NEARLY_FULL_PERCENT) {
                long percent = Math.round(n.used_percent());
                warnings.add(Notice.of("disk_nearly_full", n.node_id() + "'s model disk is " + percent + " % full.",
                        "node", n.node_id(), "percent", percent));
            }
        }
        if (size != null && !disk.isEmpty() && disk.stream().noneMatch(ImportApi.NodeRoom::fits)) {
            warnings.add(Notice.of("no_node_has_room", "No node has " + size + " bytes free for this model; "
                    + "the download will fail unless space is freed.", "bytes", size));
        }
        FitApi.Fit gpuFit = fit.estimate(hub.orElse(null), cluster.overview(), request.required_vram_mb(),
                request.tensor_parallel_size());
        if (FitEstimator.WARN.contains(gpuFit.verdict().code())) {
            warnings.add(gpuFit.verdict().notice()); // an estimate: the operator decides
        }
        String suggested = request.model_uid() != null ? request.model_uid() : freeUid(request.model_id(), uids);
        ImportApi.Preflight preflight = new ImportApi.Preflight(provider.wire(), request.model_id(), hub.isPresent(),
                hub.map(ModelMetadata::revision).orElse(null), size, size == null ? null : "files",
                hub.map(ModelMetadata::gated).orElse(false), hub.map(ModelMetadata::private_).orElse(false),
                suggested, registered, cached, disk, gpuFit, blocking, warnings);
        return new Checked(preflight, uids, nebulaFailure);
    }

    private static ImportApi.NodeRoom room(NebulaDtos.NodeDisk n, boolean alive, Long size) {
        Long total = n.total_bytes() > 0 ? n.total_bytes() : null;
        Double used = total == null ? null : Math.min(100.0, Math.max(0.0, 100.0 * n.used_bytes() / total));
        return new ImportApi.NodeRoom(n.node_id(), alive, n.available_bytes(), total, used,
                alive && (size == null || n.available_bytes() >= size));
    }

    /**
     * The live import of the same hub model and requested uid, after settling what it may have left behind: an
     * unresolved one is resolved against the models just read, a created one whose model Nebula no longer holds
     * is marked removed. What remains holds the claim, and the import would get 409.
     */
    private Optional<ImportRecord> earlierImport(ImportApi.ImportRequest request, List<NebulaDtos.ModelView> models,
                                                 java.time.OffsetDateTime listedAt) {
        Optional<ImportRecord> live = records.live(request.provider().wire(), request.model_id(), request.model_uid());
        if (live.isEmpty()) {
            return live;
        }
        ImportRecord record = live.get();
        if (record.unresolved()) {
            record = resolver.resolve(record, models, "resolved on a new attempt");
        }
        String uid = record.modelUid;
        // a list read before the import was settled cannot know its model yet
        if (ImportRecord.CREATED.equals(record.status) && models.stream().noneMatch(m -> m.model_uid().equals(uid))
                && records.markRemovedIfCreatedBefore(uid, listedAt) > 0) {
            return Optional.empty();
        }
        return record.unresolved() || ImportRecord.CREATED.equals(record.status) ? Optional.of(record) : Optional.empty();
    }

    /**
     * Nebula's ModelSpec has no revision: nodes fetch the default branch. Anything else would be checked here and then
     * silently ignored, so it is refused; the default branch's name or its current sha (or a prefix of 7+) is fine.
     */
    private static Optional<Notice> unsupportedRevision(Provider provider, String revision, ModelMetadata hub) {
        if (revision == null) {
            return Optional.empty();
        }
        String branch = provider.defaultBranch();
        String sha = hub.revision() == null ? "" : hub.revision().toLowerCase();
        String asked = revision.toLowerCase();
        if (asked.equals(branch) || (asked.length() >= 7 && sha.startsWith(asked))) {
            return Optional.empty();
        }
        return Optional.of(Notice.of("revision_not_supported", "Nebula downloads the default branch ("
                + branch + ") of " + hub.id() + ", now at " + (sha.isEmpty() ? "an unknown commit" : sha)
                + "; it cannot fetch revision '" + revision + "'. Leave the revision empty to import the default branch.",
                "model_id", hub.id(), "branch", branch, "sha", sha, "revision", revision));
    }

    /**
     * The uid Nebula would give {@code modelId}, moved aside with {@code -2}, {@code -3}, ... while a model has it;
     * after {@link #MAX_SUFFIX} tries the last one is suggested anyway (Nebula then refuses the create: model_exists).
     */
    static String freeUid(String modelId, Set<String> taken) {
        String base = ModelUids.fromModelId(modelId);
        String uid = base;
        for (int attempt = 1; taken.contains(uid) && attempt < MAX_SUFFIX; attempt++) {
            uid = ModelUids.withSuffix(base, attempt);
        }
        return uid;
    }

    private static Set<String> uidsOf(List<NebulaDtos.ModelView> models) {
        return models.stream().map(NebulaDtos.ModelView::model_uid).collect(Collectors.toSet());
    }
}
