package dev.nebula.sim.http;

import dev.nebula.sim.cluster.ModelRequests;
import dev.nebula.sim.cluster.Simulation;

/** start / stop / scale (reference §5.6-5.8). Start and scale need a JSON body; stop reads none. */
final class ModelActionsApi {
    private static final Schema START = Schema.of("StartModelRequest")
            .opt("replicas", Schema.Kind.U32).opt("config_overrides", Schema.Kind.CONFIG)
            .opt("node_id", Schema.Kind.STRING).opt("gpu_indices", Schema.Kind.U32_LIST).build();
    private static final Schema SCALE = Schema.of("ScaleModelRequest").req("replicas", Schema.Kind.U32).build();

    private final Simulation sim;

    ModelActionsApi(Simulation sim) {
        this.sim = sim;
    }

    void register(Router router) {
        router.add("POST", "/api/v2/models/{model_uid}/start", this::start)
                .add("POST", "/api/v2/models/{model_uid}/stop", this::stop)
                .add("PUT", "/api/v2/models/{model_uid}/scale", this::scale);
    }

    private Reply start(Call c) {
        Fields f = JsonBody.read(c, START);
        c.require("operator");
        ModelRequests.Start r = new ModelRequests.Start(f.number("replicas"), f.config("config_overrides"),
                f.string("node_id"), f.numbers("gpu_indices"));
        return Reply.sortedJson(200, ModelsApi.call(sim, s -> s.commands().start(c.param(0), r, s.now())));
    }

    private Reply stop(Call c) {
        c.require("operator");
        return Reply.sortedJson(200, ModelsApi.call(sim, s -> s.commands().stop(c.param(0), s.now())));
    }

    private Reply scale(Call c) {
        Fields f = JsonBody.read(c, SCALE);
        c.require("operator");
        long replicas = f.number("replicas");
        return Reply.sortedJson(200, ModelsApi.call(sim, s -> s.commands().scale(c.param(0), replicas, s.now())));
    }
}
