package dev.nebula.catalog.search;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * Stand-in until the inventory feature exists: every model reads "not held".
 * TODO(inventory): the inventory feature provides the real {@link ClusterHoldings} bean from the cached Nebula
 * model list (matching provider + hub id to model uids and nodes); this default then steps aside by itself.
 */
@DefaultBean
@ApplicationScoped
public class NothingHeld implements ClusterHoldings {

    @Override
    public Map<String, InCluster> holdings(Provider provider, List<String> ids) {
        return Map.of();
    }
}
