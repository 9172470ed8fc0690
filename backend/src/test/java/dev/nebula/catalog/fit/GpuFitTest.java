package dev.nebula.catalog.fit;

import dev.nebula.catalog.fit.FitApi.Config;
import dev.nebula.catalog.fit.FitApi.FitNode;
import dev.nebula.catalog.fit.FitApi.Verdict;
import dev.nebula.catalog.nebula.NebulaDtos.Assignment;
import dev.nebula.catalog.nebula.NebulaDtos.Gpu;
import dev.nebula.catalog.nebula.NebulaDtos.Overview;
import dev.nebula.catalog.nebula.NebulaDtos.OverviewNode;
import dev.nebula.catalog.nebula.NebulaDtos.Placement;
import dev.nebula.catalog.search.FileEntry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fit arithmetic against GPUs described by hand: one GPU, tensor parallelism 2/4/8, held GPUs, nothing fits. */
class GpuFitTest {

    static final long GB = 1_000_000_000L;

    static OverviewNode node(String id, int gpus, long memoryMb) {
        List<Gpu> list = new ArrayList<>();
        for (int i = 0; i < gpus; i++) {
            list.add(new Gpu(i, memoryMb, 3, null, null));
        }
        return new OverviewNode(id, 1, list);
    }

    /** An 8 × 80 GB node and a 4 × 46 GB node, nothing placed. */
    static Overview cluster(Placement... placements) {
        return new Overview(List.of(node("big", 8, 81_559), node("small", 4, 46_068)), List.of(), List.of(placements));
    }

    static GpuFit fit(long weightBytes) {
        return new GpuFit(weightBytes, 20, 1024);
    }

    @Test
    void aPerGpuNeedIsTheShareOfWeightsAndHeadroomPlusTheOverhead() {
        GpuFit f = fit(15_231_271_888L);
        assertEquals(18_277_526_265L, f.requiredBytes());
        assertEquals(17_431 + 1024, f.perGpuMb(1)); // ceil(18,277,526,265 / 1 MiB)
        assertEquals(8_716 + 1024, f.perGpuMb(2));
    }

    @Test
    void aSevenBillionParameterModelFitsOneGpuOfEveryNode() {
        GpuFit f = fit(15 * GB);
        List<FitNode> nodes = f.nodes(cluster());
        Verdict v = f.verdict(nodes);
        assertEquals("fits", v.code());
        assertEquals(List.of("big", "small"), v.nodes());
        assertEquals("fit_on_nodes", v.notice().code());
        assertEquals(2L, v.notice().params().get("count"));
        Config c = f.config(v, nodes, null, null);
        assertEquals(f.perGpuMb(1), c.required_vram_mb());
        assertNull(c.tensor_parallel_size(), "one GPU: the key is not sent");
        assertEquals(List.of(1, 2, 4, 8), nodes.get(0).options().stream().map(FitApi.Option::tensor_parallel_size).toList());
        assertEquals(List.of(1, 2, 4), nodes.get(1).options().stream().map(FitApi.Option::tensor_parallel_size).toList(),
                "no TP 8 on a node of four GPUs");
    }

    @Test
    void aModelTooBigForOneGpuNeedsTheSmallestTensorParallelSizeThatFits() {
        // 100 GB of weights: 120 GB with headroom. One 80 GB GPU: no. Two: 58 GB each, only on the big node.
        GpuFit f = fit(100 * GB);
        List<FitNode> nodes = f.nodes(cluster());
        Verdict v = f.verdict(nodes);
        assertEquals("needs_tensor_parallel", v.code());
        assertEquals(2, v.tensor_parallel_size());
        assertEquals(List.of("big"), v.nodes());
        FitNode small = nodes.get(1);
        assertEquals(4, small.tensor_parallel_size(), "four 46 GB GPUs hold 29 GB each");
        assertFalse(small.options().get(1).fits_when_idle(), "two of them do not");
        Config c = f.config(v, nodes, null, null);
        assertEquals(2, c.tensor_parallel_size());
        assertEquals(f.perGpuMb(2), c.required_vram_mb(), "Nebula compares required_vram_mb GPU by GPU");
    }

    @Test
    void gpusOtherModelsHoldAreNotFreeButWouldFitWhenIdle() {
        // every GPU of the big node but one is held; the small one is too small for 100 GB over two
        Placement held = new Placement("other", List.of(new Assignment(0, "big", 0, List.of(0, 1, 2, 3, 4, 5, 6))));
        GpuFit f = fit(100 * GB);
        List<FitNode> nodes = f.nodes(cluster(held));
        assertEquals(1, nodes.get(0).free_gpu_count());
        Verdict v = f.verdict(nodes);
        assertEquals("needs_tensor_parallel", v.code(), "the small node still takes it over four GPUs");
        assertEquals(4, v.tensor_parallel_size());
        assertEquals(List.of("small"), v.nodes());
        Placement all = new Placement("another", List.of(new Assignment(0, "small", 0, List.of(0, 1, 2, 3))));
        nodes = f.nodes(cluster(held, all));
        v = f.verdict(nodes);
        assertEquals("no_free_gpus", v.code());
        assertEquals(2, v.tensor_parallel_size());
        assertEquals(List.of("big"), v.nodes());
    }

    @Test
    void aModelLargerThanAnyNodeFitsNowhereAndSendsTheWidestSplit() {
        GpuFit f = fit(2_000 * GB);
        List<FitNode> nodes = f.nodes(cluster());
        Verdict v = f.verdict(nodes);
        assertEquals("fits_nowhere", v.code());
        assertEquals(81_559L, v.notice().params().get("gpu_memory_mb"));
        Config c = f.config(v, nodes, null, null);
        assertEquals(8, c.tensor_parallel_size());
        assertEquals(f.perGpuMb(8), c.required_vram_mb());
    }

    @Test
    void unknownWeightsOrNoGpusGiveNoVerdictAndUnknownWeightsSendNothing() {
        GpuFit unknown = new GpuFit(null, 20, 1024);
        List<FitNode> none = unknown.nodes(cluster());
        assertTrue(none.isEmpty());
        Verdict v = unknown.verdict(none);
        assertEquals("unknown", v.code());
        assertEquals("weights_unknown", v.notice().params().get("reason"));
        Config c = unknown.config(v, none, null, null);
        assertNull(c.required_vram_mb());
        assertNull(c.tensor_parallel_size());
        GpuFit known = fit(15 * GB);
        Verdict noOverview = known.verdict(known.nodes(null));
        assertEquals("no_live_gpus", noOverview.notice().params().get("reason"));
        assertEquals(known.perGpuMb(1), known.config(noOverview, List.of(), null, null).required_vram_mb());
    }

    @Test
    void overridesWinAndATensorParallelOverrideSplitsTheEstimate() {
        GpuFit f = fit(15 * GB);
        List<FitNode> nodes = f.nodes(cluster());
        Verdict v = f.verdict(nodes);
        Config tp = f.config(v, nodes, null, 4);
        assertEquals(4, tp.tensor_parallel_size());
        assertEquals(f.perGpuMb(4), tp.required_vram_mb());
        assertTrue(tp.overridden());
        Config both = f.config(v, nodes, 30_000L, 2);
        assertEquals(30_000L, both.required_vram_mb());
        assertEquals(2, both.tensor_parallel_size());
        Config one = f.config(v, nodes, null, 1);
        assertNull(one.tensor_parallel_size(), "1 is Nebula's default: not sent");
    }

    @Test
    void weightFilesAreTheShardsNotTheirConsolidatedCopyNorOtherFormats() {
        List<FileEntry> files = List.of(new FileEntry("config.json", 700, null, false),
                new FileEntry("model-00001-of-00002.safetensors", 5 * GB, "a", true),
                new FileEntry("model-00002-of-00002.safetensors", 4 * GB, "b", true),
                new FileEntry("consolidated.safetensors", 9 * GB, "c", true),
                new FileEntry("original/consolidated.00.pth", 9 * GB, "d", true),
                new FileEntry("pytorch_model.bin", 9 * GB, "e", true));
        assertEquals(List.of("model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"),
                Weights.weightFiles(files).stream().map(FileEntry::path).toList());
        List<FileEntry> binOnly = List.of(new FileEntry("pytorch_model.bin", 3 * GB, null, true),
                new FileEntry("training_args.bin", 5_000, null, false));
        assertEquals(List.of("pytorch_model.bin"), Weights.weightFiles(binOnly).stream().map(FileEntry::path).toList());
    }
}
