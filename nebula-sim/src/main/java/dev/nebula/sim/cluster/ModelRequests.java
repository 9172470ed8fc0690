package dev.nebula.sim.cluster;

import dev.nebula.sim.wire.ModelConfig;
import dev.nebula.sim.wire.ModelSource;
import java.util.List;
import java.util.Map;

/** Parsed request bodies of the v2 model endpoints; null means "absent or null" (the same thing upstream). */
public final class ModelRequests {
    private ModelRequests() {
    }

    public record Create(String modelName, String modelUid, ModelSource modelSource, String modelPath,
                         String engineType, String dockerImage, ModelConfig config, Map<String, String> labels,
                         Boolean autoStart, Long replicas, String nodeId, List<Long> gpuIndices) {
    }

    public record Update(String modelName, ModelSource modelSource, String modelPath, String engineType,
                         String dockerImage, ModelConfig config, Map<String, String> labels) {
    }

    public record Start(Long replicas, ModelConfig configOverrides, String nodeId, List<Long> gpuIndices) {
    }
}
