package dev.nebula.catalog.imports;

import dev.nebula.catalog.config.CatalogConfig;
import dev.nebula.catalog.inventory.CachePaths;
import dev.nebula.catalog.nebula.NebulaClient;
import dev.nebula.catalog.nebula.NebulaDtos;
import dev.nebula.catalog.nebula.NebulaFailures;
import dev.nebula.catalog.search.ModelMetadata;
import dev.nebula.catalog.search.Provider;
import dev.nebula.catalog.search.SearchService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the operator should know before a model is created: does the hub have it (and at which revision, how big),
 * can we download it (gated/private need a token), does the cluster already have it registered or cached, and is
 * there a node with room. Blocking problems stop the import; warnings are shown and the operator decides.
 */
@ApplicationScoped
public class Preflights {

    private static final Duration NEBULA_WAIT = Duration.ofSeconds(10);

    @Inject
    SearchService search;

    @Inject
    NebulaClient nebula;

    @Inject
    CatalogConfig config;

    /** The pre-flight answer plus the uids Nebula already uses (for uid generation). */
    public record Checked(ImportApi.Preflight preflight, Set<String> existingUids) {
    }

    public Checked check(ImportApi.ImportRequest request, String nebulaToken) {
        Provider provider = Provider.parse(request.provider(), "provider");
        Optional<ModelMetadata> hub = search.metadata(provider, request.model_id());
        List<NebulaDtos.ModelView> models;
        NebulaDtos.CacheSummary cache;
        try {
            var both = Uni.combine().all().unis(nebula.models(nebulaToken), nebula.cacheSummary(nebulaToken)).asTuple()
                    .await().atMost(NEBULA_WAIT);
            models = both.getItem1();
            cache = both.getItem2();
        } catch (RuntimeException e) {
            throw NebulaFailures.toApi(e);
        }
        Set<String> uids = ImportService.uids(models);
        List<ImportApi.Check> blocking = new ArrayList<>();
        List<ImportApi.Check> warnings = new ArrayList<>();
        if (hub.isEmpty()) {
            blocking.add(new ImportApi.Check("hub_model_not_found", request.model_id() + " does not exist on "
                    + label(provider) + " (or it is private and no token is configured)."));
        }
        boolean tokenSet = token(provider);
        hub.filter(m -> (m.gated() || m.private_()) && !tokenSet).ifPresent(m -> blocking.add(new ImportApi.Check(
                "hub_token_required", request.model_id() + " is " + (m.gated() ? "gated" : "private") + " on "
                + label(provider) + ": set " + tokenVariable(provider) + " to a token whose account has been granted "
                + "access, restart the service, and try again.")));
        List<ImportApi.Registered> registered = models.stream()
                .filter(m -> request.model_id().equals(m.model_name()))
                .map(m -> new ImportApi.Registered(m.model_uid(), m.model_name(), m.state())).toList();
        if (!registered.isEmpty()) {
            warnings.add(new ImportApi.Check("already_registered", "Nebula already has " + request.model_id()
                    + " registered as " + String.join(", ", registered.stream().map(ImportApi.Registered::model_uid).toList()) + "."));
        }
        List<ImportApi.CachedCopy> cached = cache.caches().stream()
                .filter(c -> request.model_id().equals(CachePaths.origin(c).modelId()))
                .map(c -> new ImportApi.CachedCopy(c.node_id(), c.size_bytes(), c.complete())).toList();
        if (!cached.isEmpty()) {
            warnings.add(new ImportApi.Check("already_cached", "Files of " + request.model_id() + " are already on "
                    + String.join(", ", cached.stream().map(ImportApi.CachedCopy::node_id).distinct().toList()) + "."));
        }
        Long size = hub.map(ModelMetadata::total_size_bytes).filter(s -> s > 0).orElse(null);
        List<ImportApi.NodeRoom> disk = cache.nodes().stream()
                .map(n -> new ImportApi.NodeRoom(n.node_id(), n.available_bytes(), size == null || n.available_bytes() >= size))
                .toList();
        if (size != null && !disk.isEmpty() && disk.stream().noneMatch(ImportApi.NodeRoom::fits)) {
            warnings.add(new ImportApi.Check("no_node_has_room", "No node has " + size + " bytes free for this model; "
                    + "the download will fail unless space is freed."));
        }
        String suggested = request.model_uid() != null ? request.model_uid() : ModelUids.fromModelId(request.model_id());
        for (int attempt = 1; request.model_uid() == null && uids.contains(suggested) && attempt < 20; attempt++) {
            suggested = ModelUids.withSuffix(ModelUids.fromModelId(request.model_id()), attempt);
        }
        ImportApi.Preflight preflight = new ImportApi.Preflight(provider.wire(), request.model_id(), hub.isPresent(),
                hub.map(ModelMetadata::revision).orElse(null), size, size == null ? null : "files",
                hub.map(ModelMetadata::gated).orElse(false), hub.map(ModelMetadata::private_).orElse(false),
                suggested, registered, cached, disk, blocking, warnings);
        return new Checked(preflight, uids);
    }

    private boolean token(Provider provider) {
        CatalogConfig.Hub hub = provider == Provider.HUGGINGFACE ? config.hubs().huggingface() : config.hubs().modelscope();
        return hub.token().filter(t -> !t.isBlank()).isPresent();
    }

    private static String label(Provider provider) {
        return provider == Provider.HUGGINGFACE ? "Hugging Face" : "ModelScope";
    }

    private static String tokenVariable(Provider provider) {
        return provider == Provider.HUGGINGFACE ? "HF_TOKEN" : "MODELSCOPE_TOKEN";
    }
}
