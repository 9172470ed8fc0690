package dev.nebula.sim.http;

import dev.nebula.sim.cluster.ModelRequests;
import dev.nebula.sim.cluster.Problem;
import dev.nebula.sim.cluster.Simulation;
import dev.nebula.sim.wire.Views.DeleteResponse;
import java.util.List;
import java.util.function.Function;

/** /api/v2/models and /api/v2/models/{uid} (reference §5.1-5.5). */
final class ModelsApi {
    private static final Schema CREATE = Schema.of("CreateModelRequest")
            .req("model_name", Schema.Kind.STRING).opt("model_uid", Schema.Kind.STRING)
            .opt("model_source", Schema.Kind.SOURCE).opt("model_path", Schema.Kind.STRING)
            .opt("engine_type", Schema.Kind.STRING).opt("docker_image", Schema.Kind.STRING)
            .opt("config", Schema.Kind.CONFIG).opt("labels", Schema.Kind.STRING_MAP)
            .opt("auto_start", Schema.Kind.BOOL).opt("replicas", Schema.Kind.U32)
            .opt("node_id", Schema.Kind.STRING).opt("gpu_indices", Schema.Kind.U32_LIST).build();
    private static final Schema UPDATE = Schema.of("UpdateModelRequest")
            .opt("model_name", Schema.Kind.STRING).opt("model_source", Schema.Kind.SOURCE)
            .opt("model_path", Schema.Kind.STRING).opt("engine_type", Schema.Kind.STRING)
            .opt("docker_image", Schema.Kind.STRING).opt("config", Schema.Kind.CONFIG)
            .opt("labels", Schema.Kind.STRING_MAP).build();

    private final Simulation sim;

    ModelsApi(Simulation sim) {
        this.sim = sim;
    }

    void register(Router router) {
        router.add("GET", "/api/v2/models", this::list)
                .add("POST", "/api/v2/models", this::create)
                .add("GET", "/api/v2/models/{model_uid}", c -> Reply.json(200,
                        run(s -> s.models().detail(c.param(0), s.now()))))
                .add("PUT", "/api/v2/models/{model_uid}", this::update)
                .add("DELETE", "/api/v2/models/{model_uid}", this::delete);
    }

    /** Unknown state → []; label without '=' → ignored; a repeated parameter → 400 text/plain. */
    private Reply list(Call c) {
        c.require("viewer");
        for (String key : List.of("state", "label")) {
            if (c.query.getOrDefault(key, List.of()).size() > 1) {
                throw Errors.plain(400, "Failed to deserialize query string: duplicate field `" + key + "`");
            }
        }
        String state = first(c, "state");
        String label = first(c, "label");
        int eq = label == null ? -1 : label.indexOf('=');
        String key = eq < 0 ? null : label.substring(0, eq);
        String value = eq < 0 ? null : label.substring(eq + 1);
        return Reply.json(200, run(s -> s.models().list(state, key, value, s.now())));
    }

    private Reply create(Call c) {
        Fields f = JsonBody.read(c, CREATE);
        c.require("operator");
        ModelRequests.Create r = new ModelRequests.Create(f.string("model_name"), f.string("model_uid"),
                f.source("model_source"), f.string("model_path"), f.string("engine_type"), f.string("docker_image"),
                f.config("config"), f.stringMap("labels"), f.bool("auto_start"), f.number("replicas"),
                f.string("node_id"), f.numbers("gpu_indices"));
        return Reply.sortedJson(201, run(s -> s.commands().create(r, c.user.username(), s.now())));
    }

    private Reply update(Call c) {
        Fields f = JsonBody.read(c, UPDATE);
        c.require("operator");
        ModelRequests.Update r = new ModelRequests.Update(f.string("model_name"), f.source("model_source"),
                f.string("model_path"), f.string("engine_type"), f.string("docker_image"), f.config("config"),
                f.stringMap("labels"));
        return Reply.sortedJson(200, run(s -> s.commands().update(c.param(0), r, s.now())));
    }

    private Reply delete(Call c) {
        c.require("admin");
        String uid = c.param(0);
        long queued = run(s -> s.commands().delete(uid, s.now()));
        return Reply.sortedJson(200, new DeleteResponse(uid, "deleted", queued));
    }

    private static String first(Call c, String key) {
        List<String> values = c.query.get(key);
        return values == null ? null : values.get(0);
    }

    /** Runs against the simulation and maps model problems to the v2 error shape. */
    private <T> T run(Function<Simulation, T> work) {
        return call(sim, work);
    }

    static <T> T call(Simulation sim, Function<Simulation, T> work) {
        try {
            return sim.call(work);
        } catch (Problem p) {
            throw Errors.v2(p.status(), p.code(), p.getMessage());
        }
    }
}
