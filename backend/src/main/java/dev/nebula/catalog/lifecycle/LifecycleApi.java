package dev.nebula.catalog.lifecycle;

import dev.nebula.catalog.web.Notice;

import java.util.List;

/** The lifecycle endpoints' answer (openapi: LifecycleResult). */
public final class LifecycleApi {

    private LifecycleApi() {
    }

    /** {@code action}: start, retry, stop or cancel_download; the rest is Nebula's deployment after it. */
    public record LifecycleResult(String model_uid, String action, String desired_state, long replicas, long version,
                                  List<Notice> notices) {
    }
}
