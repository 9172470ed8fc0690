package dev.nebula.catalog.fit;

import dev.nebula.catalog.fit.FitApi.Config;
import dev.nebula.catalog.fit.FitApi.FitNode;
import dev.nebula.catalog.fit.FitApi.Option;
import dev.nebula.catalog.fit.FitApi.Verdict;
import dev.nebula.catalog.nebula.NebulaDtos.Assignment;
import dev.nebula.catalog.nebula.NebulaDtos.Gpu;
import dev.nebula.catalog.nebula.NebulaDtos.Overview;
import dev.nebula.catalog.nebula.NebulaDtos.OverviewNode;
import dev.nebula.catalog.nebula.NebulaDtos.Placement;
import dev.nebula.catalog.web.Notice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether weights of a given size fit the live nodes' GPUs, split over 1, 2, 4 or 8 GPUs of one node (tensor
 * parallelism shards the weights evenly). Each GPU must hold its share plus the runtime headroom, plus a fixed
 * per-GPU overhead; "now" counts only GPUs no placement holds (Nebula's scheduler skips held GPUs) with that much
 * memory free, "when idle" every GPU of the node with that much memory in all. Pure: no I/O.
 */
final class GpuFit {

    static final int[] SIZES = {1, 2, 4, 8};
    private static final long MIB = 1024L * 1024L;

    private final Long weightBytes;
    private final int headroomPercent;
    private final long overheadMb;

    GpuFit(Long weightBytes, int headroomPercent, long overheadMb) {
        this.weightBytes = weightBytes;
        this.headroomPercent = headroomPercent;
        this.overheadMb = overheadMb;
    }

    /** Weights plus headroom, on one GPU; null when the weights are unknown. */
    Long requiredBytes() {
        return weightBytes == null ? null : weightBytes + weightBytes * headroomPercent / 100;
    }

    /** What each of {@code tp} GPUs needs: its share of weights and headroom, plus the overhead. */
    long perGpuMb(int tp) {
        return (requiredBytes() + tp * MIB - 1) / (tp * MIB) + overheadMb;
    }

    List<FitNode> nodes(Overview overview) {
        List<FitNode> out = new ArrayList<>();
        if (weightBytes == null || overview == null || overview.nodes() == null) {
            return out;
        }
        Map<String, Set<Integer>> held = held(overview);
        for (OverviewNode n : overview.nodes()) {
            List<Gpu> gpus = n.gpus() == null ? List.of() : n.gpus();
            if (gpus.isEmpty()) {
                continue;
            }
            Set<Integer> taken = held.getOrDefault(n.node_id(), Set.of());
            List<Gpu> free = gpus.stream().filter(g -> !taken.contains(g.index())).toList();
            List<Option> options = new ArrayList<>();
            Integer smallest = null;
            for (int tp : SIZES) {
                if (tp > gpus.size()) {
                    break;
                }
                long need = perGpuMb(tp);
                boolean now = free.stream().filter(g -> g.memory_total_mb() - g.memory_used_mb() >= need).count() >= tp;
                boolean idle = gpus.stream().filter(g -> g.memory_total_mb() >= need).count() >= tp;
                options.add(new Option(tp, need, now, idle));
                if (now && smallest == null) {
                    smallest = tp;
                }
            }
            long largest = gpus.stream().mapToLong(Gpu::memory_total_mb).max().orElse(0);
            out.add(new FitNode(n.node_id(), gpus.size(), free.size(), largest, options, smallest, smallest != null));
        }
        return out;
    }

    Verdict verdict(List<FitNode> nodes) {
        if (weightBytes == null) {
            return unknown("weights_unknown", "The size of the weights is unknown, so the fit cannot be estimated.");
        }
        if (nodes.isEmpty()) {
            return unknown("no_live_gpus", "No live node reports GPUs (or Nebula's overview could not be read), so "
                    + "the fit cannot be estimated.");
        }
        for (int tp : SIZES) {
            List<String> fitting = fitting(nodes, tp, true);
            if (!fitting.isEmpty()) {
                String names = String.join(", ", fitting);
                return tp == 1
                        ? new Verdict("fits", 1, fitting, Notice.of("fit_on_nodes", "Fits on one GPU of " + fitting.size()
                                + " node(s): " + names + ".", "count", fitting.size(), "nodes", names))
                        : new Verdict("needs_tensor_parallel", tp, fitting, Notice.of("fit_needs_tensor_parallel",
                                "Too big for one GPU: needs tensor parallelism over " + tp + " GPUs, which fits on "
                                        + fitting.size() + " node(s): " + names + ".", "tensor_parallel_size", tp,
                                "count", fitting.size(), "nodes", names));
            }
        }
        for (int tp : SIZES) {
            List<String> fitting = fitting(nodes, tp, false);
            if (!fitting.isEmpty()) {
                String names = String.join(", ", fitting);
                return new Verdict("no_free_gpus", tp, fitting, Notice.of("fit_no_free_gpus", "Would fit over " + tp
                        + " GPU(s) of " + names + ", but not enough of their GPUs are free now: other models hold them.",
                        "tensor_parallel_size", tp, "nodes", names));
            }
        }
        int widest = widest(nodes);
        long largest = nodes.stream().mapToLong(FitNode::gpu_memory_mb).max().orElse(0);
        return new Verdict("fits_nowhere", null, List.of(), Notice.of("fit_nowhere", "Fits no live node: even over "
                + widest + " GPU(s) each would need about " + perGpuMb(widest) + " MiB, and the largest GPU has "
                + largest + " MiB.", "per_gpu_mb", perGpuMb(widest), "gpu_memory_mb", largest));
    }

    /**
     * What the import sends unless the request overrides it: the per-GPU need at the tensor-parallel size the verdict
     * names (the widest any node allows when nothing fits, the closest to working); nothing when the weights are
     * unknown. {@code tensor_parallel_size} only above 1.
     */
    Config config(Verdict verdict, List<FitNode> nodes, Long requiredOverride, Integer tpOverride) {
        Integer tp = tpOverride;
        if (tp == null) {
            tp = verdict.tensor_parallel_size() != null ? verdict.tensor_parallel_size()
                    : "fits_nowhere".equals(verdict.code()) ? widest(nodes) : 1;
        }
        Long required = requiredOverride != null ? requiredOverride : weightBytes == null ? null : perGpuMb(tp);
        return new Config(required, tp > 1 ? tp : null, requiredOverride != null || tpOverride != null);
    }

    private static int widest(List<FitNode> nodes) {
        int widest = 1;
        for (FitNode n : nodes) {
            for (Option o : n.options()) {
                widest = Math.max(widest, o.tensor_parallel_size());
            }
        }
        return widest;
    }

    private static List<String> fitting(List<FitNode> nodes, int tp, boolean now) {
        return nodes.stream().filter(n -> n.options().stream()
                        .anyMatch(o -> o.tensor_parallel_size() == tp && (now ? o.fits_now() : o.fits_when_idle())))
                .map(FitNode::node_id).toList();
    }

    private static Verdict unknown(String reason, String message) {
        return new Verdict("unknown", null, List.of(), Notice.of("fit_unknown", message, "reason", reason));
    }

    /** node → GPU indexes any placement holds. */
    private static Map<String, Set<Integer>> held(Overview overview) {
        Map<String, Set<Integer>> held = new HashMap<>();
        for (Placement p : overview.placements() == null ? List.<Placement>of() : overview.placements()) {
            for (Assignment a : p.assignments() == null ? List.<Assignment>of() : p.assignments()) {
                held.computeIfAbsent(a.node_id(), k -> new HashSet<>()).addAll(a.gpus());
            }
        }
        return held;
    }
}
