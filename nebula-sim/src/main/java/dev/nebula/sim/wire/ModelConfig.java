package dev.nebula.sim.wire;

import java.util.List;

/** Engine configuration. All five keys are always serialized, null when unset (reference §4). */
public record ModelConfig(
        Long tensorParallelSize,
        Float gpuMemoryUtilization,
        Long maxModelLen,
        Long requiredVramMb,
        List<String> loraModules) {
}
