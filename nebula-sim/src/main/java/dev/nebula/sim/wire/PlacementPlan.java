package dev.nebula.sim.wire;

import java.util.List;

/** etcd /placements/{uid}. For v2 plans request_id is null and version is a millisecond timestamp. */
public record PlacementPlan(
        String requestId,
        String modelUid,
        String modelName,
        long version,
        List<PlacementAssignment> assignments) {
}
