package dev.nebula.sim.http;

import dev.nebula.sim.cluster.Simulation;

/** Cache, disk, alerts and the legacy overview (reference §6, §8). All viewer. */
final class ClusterApi {
    private final Simulation sim;

    ClusterApi(Simulation sim) {
        this.sim = sim;
    }

    void register(Router router) {
        router.add("GET", "/api/v2/cache/summary", c -> viewer(c, s -> s.cluster().cacheSummary()))
                .add("GET", "/api/v2/nodes/{node_id}/cache", c -> viewer(c, s -> s.cluster().nodeCache(c.param(0))))
                .add("GET", "/api/v2/nodes/{node_id}/disk", c -> {
                    c.require("viewer");
                    return Reply.sortedJson(200, ModelsApi.call(sim, s -> s.cluster().nodeDisk(c.param(0))));
                })
                .add("GET", "/api/v2/alerts", c -> viewer(c, s -> s.cluster().alerts()))
                .add("GET", "/api/overview", c -> viewer(c, s -> s.cluster().overview(s.now())));
    }

    private Reply viewer(Call c, java.util.function.Function<Simulation, Object> read) {
        c.require("viewer");
        return Reply.json(200, ModelsApi.call(sim, read));
    }
}
