package dev.nebula.catalog.lifecycle;

import dev.nebula.catalog.api.LifecycleEndpoints;
import dev.nebula.catalog.lifecycle.LifecycleApi.LifecycleResult;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/** Start, retry and stop a registered model (operator). Runs on worker threads: it waits for Nebula and the database. */
public class LifecycleResource implements LifecycleEndpoints {

    @Inject
    ModelLifecycle lifecycle;

    @Override
    @RolesAllowed("operator")
    public LifecycleResult startModel(String uid, String requestId) {
        return lifecycle.start(uid);
    }

    @Override
    @RolesAllowed("operator")
    public LifecycleResult stopModel(String uid, String requestId) {
        return lifecycle.stop(uid);
    }
}
