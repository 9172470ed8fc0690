package dev.nebula.sim.chaos;

/** One request as the simulator received it; status -1 means the connection was reset by chaos. */
public record RecordedRequest(long atMs, String method, String path, String query, String body, int status) {
}
