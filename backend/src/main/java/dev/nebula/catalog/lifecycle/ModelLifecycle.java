package dev.nebula.catalog.lifecycle;

import dev.nebula.catalog.audit.AuditEntry;
import dev.nebula.catalog.audit.AuditLog;
import dev.nebula.catalog.auth.Caller;
import dev.nebula.catalog.auth.NebulaSession;
import dev.nebula.catalog.config.CatalogConfig;
import dev.nebula.catalog.inventory.Bytes;
import dev.nebula.catalog.inventory.InventoryApi.Row;
import dev.nebula.catalog.inventory.InventoryService;
import dev.nebula.catalog.inventory.ModelActions;
import dev.nebula.catalog.lifecycle.LifecycleApi.LifecycleResult;
import dev.nebula.catalog.nebula.NebulaClient;
import dev.nebula.catalog.nebula.NebulaDtos.Deployment;
import dev.nebula.catalog.nebula.NebulaFailures;
import dev.nebula.catalog.web.ApiException;
import dev.nebula.catalog.web.Notice;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Start (or retry) and stop (or cancel a download) through Nebula with the operator's own session, audited before
 * and after like every write. The state in the current snapshot decides what the action is and whether it may run:
 * Nebula's start on a running model restarts its engines, so start is refused there; a stop of a stopped model has
 * nothing to do. Blocking; call from a worker thread.
 */
@ApplicationScoped
public class ModelLifecycle {

    @Inject
    InventoryService inventory;

    @Inject
    NebulaClient nebula;

    @Inject
    NebulaSession session;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Inject
    CatalogConfig config;

    @Inject
    MeterRegistry metrics;

    public LifecycleResult start(String uid) {
        Optional<Row> row = inventory.row(uid);
        // unknown to the snapshot: Nebula decides (404), and the attempt is audited
        String action = row.isPresent() ? ModelActions.startAction(row.get().state()) : ModelActions.START;
        if (action == null) {
            throw refused(uid, row.get(), ModelActions.START, Notice.of("model_not_startable", uid + " is "
                    + row.get().state() + "; only a stopped or failed model is started (Nebula restarts the engines of "
                    + "a running one).", "model_uid", uid, "state", row.get().state()));
        }
        return run(uid, row, action, nebula::start, d -> List.of());
    }

    public LifecycleResult stop(String uid) {
        Optional<Row> row = inventory.row(uid);
        String action = row.isPresent() ? ModelActions.stopAction(row.get().state()) : ModelActions.STOP;
        if (action == null) {
            throw refused(uid, row.get(), ModelActions.STOP, Notice.of("model_not_running", uid + " is "
                    + row.get().state() + "; there is nothing to stop.", "model_uid", uid, "state", row.get().state()));
        }
        return run(uid, row, action, nebula::stop, d -> List.of(filesKept(uid, row.orElse(null), action)));
    }

    private LifecycleResult run(String uid, Optional<Row> row, String action,
                                BiFunction<String, String, Uni<Deployment>> call,
                                java.util.function.Function<Deployment, List<Notice>> notices) {
        Map<String, Object> details = new HashMap<>();
        details.put("state_before", row.map(Row::state).orElse(null));
        AuditEntry entry = caller.audit(action, new AuditEntry.Target(null, row.map(Row::model_name).orElse(null), uid),
                details);
        long intent = audit.intent(entry);
        try {
            Deployment d = session.call(token -> nebula.blocking().write(call.apply(token, uid)));
            audit.outcome(intent, entry, AuditLog.SUCCEEDED, Map.of("desired_state", String.valueOf(d.desired_state()),
                    "version", d.version() == null ? 0 : d.version()));
            metrics.counter("catalog.lifecycle", "action", action, "outcome", "succeeded").increment();
            return new LifecycleResult(uid, action, d.desired_state(), d.replicas() == null ? 0 : d.replicas(),
                    d.version() == null ? 0 : d.version(), notices.apply(d));
        } catch (RuntimeException e) {
            ApiException api = e instanceof ApiException a ? a : NebulaFailures.toApi(e);
            audit.outcome(intent, entry, AuditLog.FAILED, Map.of("code", api.code(), "status", api.status(),
                    "message", String.valueOf(api.getMessage())));
            metrics.counter("catalog.lifecycle", "action", action, "outcome", api.code()).increment();
            throw api;
        } finally {
            inventory.invalidate(uid);
        }
    }

    /** An attempt the state rules out: one audit row, nothing sent to Nebula. */
    private ApiException refused(String uid, Row row, String action, Notice why) {
        audit.record(caller.audit(action, new AuditEntry.Target(null, row.model_name(), uid), Map.of("code", why.code(),
                "state", row.state(), "message", why.message())), AuditLog.REFUSED);
        metrics.counter("catalog.lifecycle", "action", action, "outcome", why.code()).increment();
        return new ApiException(409, why.code(), why.message(), Map.of("notice", why));
    }

    /**
     * Nebula's stop leaves the files where they are (only a delete removes them): for a cancelled download that is
     * the partial copy, which the next start continues from.
     */
    private static Notice filesKept(String uid, Row row, String action) {
        if (!ModelActions.CANCEL_DOWNLOAD.equals(action) || row == null) {
            return Notice.of("files_kept", "Nebula keeps the model's files on the nodes; start it again without a "
                    + "download, or delete it to free the space.", "model_uid", uid);
        }
        Set<String> nodes = new LinkedHashSet<>();
        long bytes = 0;
        if (row.progress() != null) {
            for (var r : row.progress().replicas()) {
                nodes.add(r.node_id());
                bytes += r.downloaded_bytes();
            }
        }
        for (var n : row.nodes()) {
            if (!n.complete()) {
                nodes.add(n.node_id());
            }
        }
        String on = String.join(", ", nodes);
        return Notice.of("partial_files_kept", "Download stopped. Nebula keeps the partial files (" + Bytes.human(bytes)
                + (on.isEmpty() ? "" : " on " + on) + ") until the model is deleted.", "model_uid", uid, "nodes", on,
                "bytes", bytes);
    }
}
