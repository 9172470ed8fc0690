package dev.nebula.sim.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;

/** etcd /deployments/{uid}. {@code version} is a counter (1, 2, ...), unlike the placement's timestamp version. */
public record ModelDeployment(
        String modelUid,
        DesiredState desiredState,
        long replicas,
        @JsonInclude(Include.NON_NULL) Long minReplicas,
        @JsonInclude(Include.NON_NULL) Long maxReplicas,
        @JsonInclude(Include.NON_NULL) String nodeAffinity,
        @JsonInclude(Include.NON_NULL) List<Long> gpuAffinity,
        @JsonInclude(Include.NON_NULL) ModelConfig configOverrides,
        long version,
        long updatedAtMs) {

    public ModelDeployment with(DesiredState state, long newReplicas, String affinity, List<Long> gpus,
                                ModelConfig overrides, long newVersion, long nowMs) {
        return new ModelDeployment(modelUid, state, newReplicas, minReplicas, maxReplicas, affinity, gpus, overrides,
                newVersion, nowMs);
    }
}
