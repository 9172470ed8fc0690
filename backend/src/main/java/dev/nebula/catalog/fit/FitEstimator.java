package dev.nebula.catalog.fit;

import dev.nebula.catalog.config.CatalogConfig;
import dev.nebula.catalog.fit.FitApi.Fit;
import dev.nebula.catalog.fit.FitApi.FitNode;
import dev.nebula.catalog.fit.FitApi.Verdict;
import dev.nebula.catalog.nebula.NebulaDtos.Overview;
import dev.nebula.catalog.search.ModelMetadata;
import dev.nebula.catalog.web.Notice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Fit before fetch, for the import pre-flight: the weights from the hub's metadata, the GPUs from Nebula's overview,
 * an estimated runtime headroom stated as such, and what the import will send in the ModelSpec's config. An estimate
 * never refuses an import: a model that fits nowhere gets a warning.
 */
@ApplicationScoped
public class FitEstimator {

    /** Verdicts the pre-flight repeats as warnings. */
    public static final Set<String> WARN = Set.of("no_free_gpus", "fits_nowhere");

    @Inject
    CatalogConfig config;

    /**
     * @param hub        the hub's metadata, or null when the hub has no such model
     * @param overview   Nebula's overview (live nodes, GPUs, placements), or null when it could not be read
     * @param requiredMb the request's override of required_vram_mb, or null
     * @param tp         the request's override of tensor_parallel_size, or null
     */
    public Fit estimate(ModelMetadata hub, Overview overview, Long requiredMb, Integer tp) {
        int headroom = config.fit().headroomPercent();
        int overhead = config.fit().gpuOverheadMb();
        Weights weights = Weights.of(hub);
        GpuFit fit = new GpuFit(weights.bytes(), headroom, overhead);
        List<FitNode> nodes = fit.nodes(overview);
        Verdict verdict = fit.verdict(nodes);
        List<Notice> estimate = new ArrayList<>();
        estimate.add(weights.notice());
        estimate.add(Notice.of("runtime_headroom", "An estimate: " + headroom + " % over the weights for the KV "
                + "cache and activations, and " + overhead + " MiB per GPU for the CUDA context. The real need depends "
                + "on the context length and batch size.", "percent", headroom, "gpu_overhead_mb", overhead));
        return new Fit(weights.bytes(), weights.source(), weights.files(), weights.parameters(),
                weights.bytesPerParameter(), headroom, overhead, fit.requiredBytes(), estimate, nodes, verdict,
                fit.config(verdict, nodes, requiredMb, tp));
    }
}
