package dev.nebula.catalog.inventory;

import dev.nebula.catalog.nebula.NebulaClient;
import dev.nebula.catalog.nebula.NebulaDtos.DiskAlert;
import dev.nebula.catalog.nebula.NebulaDtos.ModelDetail;
import dev.nebula.catalog.nebula.NebulaDtos.ModelView;
import dev.nebula.catalog.nebula.NebulaDtos.Overview;
import dev.nebula.catalog.nebula.NebulaDtos.OverviewNode;
import dev.nebula.catalog.nebula.NebulaRejection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.nebula.catalog.config.CatalogConfig;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Reads the cluster: model list, cache summary, overview and alerts in parallel, then model details only where the list
 * is not enough, at most {@code catalog.inventory.detail-concurrency} at a time. Details are needed for progress
 * and failure facts (downloading, starting, failed) and once per spec version for the source, which the list view
 * lacks; those facts are remembered so a steady cluster costs four calls per refresh, all at once.
 */
@ApplicationScoped
public class NebulaStateFetcher {

    static final Set<String> NEEDS_DETAIL = Set.of("downloading", "starting", "failed");

    @Inject
    NebulaClient nebula;

    @Inject
    CatalogConfig config;

    private final Map<String, NebulaState.SpecFacts> facts = new ConcurrentHashMap<>();
    private final Map<String, Long> heartbeats = new ConcurrentHashMap<>();

    public Uni<NebulaState> fetch(String token) {
        Instant readAt = Instant.now();
        // The overview only tells which nodes are alive (and their GPUs), the alerts only feed the cache manager:
        // without them the list is still right, liveness, GPUs and alerts are unknown.
        Uni<Overview> overview = optional(nebula.overview(token));
        Uni<List<DiskAlert>> alerts = optional(nebula.alerts(token));
        return Uni.combine().all().unis(nebula.models(token), nebula.cacheSummary(token), overview, alerts).asTuple()
                .chain(t -> details(token, t.getItem1()).map(details -> {
                    Set<String> uids = t.getItem1().stream().map(ModelView::model_uid).collect(Collectors.toSet());
                    facts.keySet().retainAll(uids);
                    Set<String> live = t.getItem3() == null || t.getItem3().nodes() == null ? null
                            : t.getItem3().nodes().stream().map(OverviewNode::node_id).collect(Collectors.toSet());
                    if (t.getItem3() != null && t.getItem3().nodes() != null) {
                        t.getItem3().nodes().forEach(n -> heartbeats.merge(n.node_id(), n.last_heartbeat_ms(), Math::max));
                    }
                    return new NebulaState(readAt, t.getItem1(), t.getItem2(), live, details, Map.copyOf(facts),
                            Map.copyOf(heartbeats), t.getItem3(), t.getItem4());
                }));
    }

    /** A read the list can do without: any failure but an ended session (which the caller must hear of) is null. */
    private static <T> Uni<T> optional(Uni<T> read) {
        return read.onFailure(e -> !(e instanceof NebulaRejection r && r.sessionInvalid())).recoverWithNull();
    }

    private Uni<Map<String, ModelDetail>> details(String token, List<ModelView> models) {
        List<ModelView> needed = models.stream().filter(this::needsDetail).toList();
        if (needed.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Multi.createFrom().iterable(needed)
                .onItem().transformToUni(m -> nebula.model(token, m.model_uid())
                        // A model deleted between the list and its detail, or one failing read, only loses detail.
                        .onFailure().recoverWithNull())
                .merge(Math.max(1, config.inventory().detailConcurrency()))
                .filter(Objects::nonNull)
                .collect().asList()
                .map(list -> {
                    Map<String, ModelDetail> byUid = new HashMap<>();
                    for (ModelDetail d : list) {
                        byUid.put(d.model_uid(), d);
                        if (d.spec() != null) {
                            facts.put(d.model_uid(), new NebulaState.SpecFacts(d.spec().model_source(),
                                    d.spec().model_path(), d.spec().updated_at_ms()));
                        }
                    }
                    return byUid;
                });
    }

    private boolean needsDetail(ModelView m) {
        NebulaState.SpecFacts known = facts.get(m.model_uid());
        return NEEDS_DETAIL.contains(m.state()) || known == null
                || !Objects.equals(known.updatedAtMs(), m.updated_at_ms());
    }

    /** Forget spec facts so the next refresh re-reads them (after a delete, the uid may be reused). */
    void forget(String uid) {
        facts.remove(uid);
    }
}
