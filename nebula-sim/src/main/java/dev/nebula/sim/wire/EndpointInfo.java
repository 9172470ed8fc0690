package dev.nebula.sim.wire;

/** etcd /endpoints/{uid}/{replica}. grpc_target and base_url are always present (nullable). */
public record EndpointInfo(
        String modelUid,
        int replicaId,
        long planVersion,
        String nodeId,
        String endpointKind,
        String apiFlavor,
        EndpointStatus status,
        long lastHeartbeatMs,
        String grpcTarget,
        String baseUrl) {

    public EndpointInfo withStatus(EndpointStatus newStatus) {
        return new EndpointInfo(modelUid, replicaId, planVersion, nodeId, endpointKind, apiFlavor, newStatus,
                lastHeartbeatMs, grpcTarget, baseUrl);
    }

    public EndpointInfo withHeartbeat(long heartbeatMs) {
        return new EndpointInfo(modelUid, replicaId, planVersion, nodeId, endpointKind, apiFlavor, status,
                heartbeatMs, grpcTarget, baseUrl);
    }
}
