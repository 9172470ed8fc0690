package dev.nebula.catalog.search;

import java.util.List;

/** Whether the cluster already holds a hub model, and where. */
public record InCluster(boolean held, List<String> model_uids, List<String> nodes) {

    public static final InCluster NOT_HELD = new InCluster(false, List.of(), List.of());
}
