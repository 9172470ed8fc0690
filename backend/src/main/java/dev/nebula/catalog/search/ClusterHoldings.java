package dev.nebula.catalog.search;

import java.util.List;
import java.util.Map;

/**
 * Tells search which of a page's hub models the cluster already holds. The search package only asks; the
 * inventory feature answers from the Nebula data it keeps. Must be fast and non-blocking (it runs on the
 * request's event loop for every page), so implementations answer from memory.
 */
public interface ClusterHoldings {

    /** For each id of {@code ids} (hub ids such as {@code Qwen/Qwen3-8B}) that is held; missing ids are not held. */
    Map<String, InCluster> holdings(Provider provider, List<String> ids);
}
