package dev.nebula.sim.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;

/** One replica of a placement. gpu/extra_args/engine_type are present-or-null; docker_image is omitted when unset. */
public record PlacementAssignment(
        int replicaId,
        String nodeId,
        String engineConfigPath,
        int port,
        Integer gpuIndex,
        List<Integer> gpuIndices,
        List<String> extraArgs,
        String engineType,
        @JsonInclude(Include.NON_NULL) String dockerImage) {
}
