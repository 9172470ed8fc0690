package dev.nebula.sim.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.Map;

/** etcd /models/{uid}/spec. Optional fields are omitted, not null, when unset (reference §4). */
public record ModelSpec(
        String modelUid,
        String modelName,
        ModelSource modelSource,
        @JsonInclude(Include.NON_NULL) String modelPath,
        @JsonInclude(Include.NON_NULL) String engineType,
        @JsonInclude(Include.NON_NULL) String dockerImage,
        @JsonInclude(Include.NON_NULL) ModelConfig config,
        Map<String, String> labels,
        long createdAtMs,
        long updatedAtMs,
        @JsonInclude(Include.NON_NULL) String createdBy) {
}
