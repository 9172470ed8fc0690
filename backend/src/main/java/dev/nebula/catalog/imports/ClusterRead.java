package dev.nebula.catalog.imports;

import dev.nebula.catalog.nebula.NebulaClient;
import dev.nebula.catalog.nebula.NebulaDtos;
import dev.nebula.catalog.nebula.NebulaFailures;
import dev.nebula.catalog.nebula.NebulaRejection;
import dev.nebula.catalog.web.ApiException;
import io.smallrye.mutiny.Uni;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a pre-flight reads of the cluster, in one go: the models, the cache summary and the overview (liveness for the
 * disk check, GPUs and placements for the fit). Several pre-flights of one batch share one read.
 *
 * @param live     null when the overview could not be read (every node then counts as alive)
 * @param overview null when it could not be read
 * @param failure  Nebula's 5xx-class failure when the cluster could not be read at all (the import is then blocked)
 */
record ClusterRead(List<NebulaDtos.ModelView> models, NebulaDtos.CacheSummary cache, Set<String> live,
                   NebulaDtos.Overview overview, OffsetDateTime listedAt, ApiException failure) {

    /** Blocking. An ended session or a refusal is thrown: the caller's business, not a degraded answer. */
    static ClusterRead of(NebulaClient nebula, String token) {
        OffsetDateTime listedAt = ImportRecord.now();
        try {
            Uni<NebulaDtos.Overview> overview = nebula.overview(token)
                    .onFailure(e -> !(e instanceof NebulaRejection r && r.sessionInvalid())).recoverWithNull();
            var all = nebula.blocking().read(Uni.combine().all().unis(nebula.models(token), nebula.cacheSummary(token),
                    overview).asTuple());
            NebulaDtos.Overview o = all.getItem3();
            Set<String> live = o == null || o.nodes() == null ? null
                    : o.nodes().stream().map(NebulaDtos.OverviewNode::node_id).collect(Collectors.toSet());
            return new ClusterRead(all.getItem1(), all.getItem2(), live, o, listedAt, null);
        } catch (RuntimeException e) {
            ApiException api = NebulaFailures.toApi(e);
            if (api.status() < 500) {
                throw api;
            }
            return new ClusterRead(List.of(), new NebulaDtos.CacheSummary(0, 0, List.of(), List.of()), null, null,
                    listedAt, api);
        }
    }
}
