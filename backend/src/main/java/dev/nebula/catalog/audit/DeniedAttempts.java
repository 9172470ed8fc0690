package dev.nebula.catalog.audit;

import dev.nebula.catalog.web.AccessDenied;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.logging.Log;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every refused attempt (403) is audited with outcome {@code denied}, off the request thread. Repeats are merged: the
 * first {@link #INDIVIDUAL} per actor and action in {@link #WINDOW} get rows of their own, later ones add to the
 * count of the row with the same target (or of one overflow row), and the path kept is cut to {@link #MAX_PATH}.
 * 1,000 denied DELETEs with 8 KB uids added 8.7 MB before; now they add at most {@code INDIVIDUAL + 1} short rows.
 */
@ApplicationScoped
public class DeniedAttempts {

    static final java.time.Duration WINDOW = java.time.Duration.ofMinutes(10);
    static final int INDIVIDUAL = 10;
    static final int MAX_PATH = 256;

    private static final Pattern MODEL_PATH = Pattern.compile("/api/v2/catalog/models/([^/]+)");
    private static final Pattern LIFECYCLE_PATH = Pattern.compile("/api/v2/catalog/models/[^/]+/(start|stop)");

    @Inject
    AuditLog audit;

    /** Denials waiting for the writer; a flood beyond this is counted but not queued. */
    static final int QUEUE = 1000;

    private final java.util.concurrent.BlockingQueue<AccessDenied> queue = new java.util.concurrent.ArrayBlockingQueue<>(QUEUE);
    private final java.util.concurrent.atomic.AtomicLong dropped = new java.util.concurrent.atomic.AtomicLong();
    private java.util.concurrent.ExecutorService writer;

    /**
     * One writer drains the queue: a flood of 403s then holds one database connection, not one per denial (with one
     * each, 120 concurrent denials took the whole pool and every other request waited for a connection).
     */
    void start(@Observes io.quarkus.runtime.StartupEvent started) {
        writer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "denied-attempts");
            t.setDaemon(true);
            return t;
        });
        writer.execute(this::drain);
    }

    void stop(@Observes io.quarkus.runtime.ShutdownEvent stopping) {
        writer.shutdownNow();
    }

    void onDenied(@Observes AccessDenied denied) {
        if (!queue.offer(denied)) {
            long lost = dropped.incrementAndGet();
            if (lost % QUEUE == 1) {
                Log.warnf("denied attempts arrive faster than they can be audited; %d not recorded so far", lost);
            }
        }
    }

    private void drain() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                write(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                Log.warnf("could not audit a denied attempt: %s", e.toString());
            }
        }
    }

    private void write(AccessDenied denied) {
        // what the caller sent, made storable: PostgreSQL refuses NUL in text, and control characters help no reader
        String sent = denied.path().replaceAll("\\p{Cntrl}", "?");
        Matcher m = MODEL_PATH.matcher(sent);
        String uid = m.find() ? m.group(1) : null;
        String path = sent.length() <= MAX_PATH ? sent : sent.substring(0, MAX_PATH - 1) + "…";
        audit.denied(new AuditEntry(denied.actor(), denied.role(), denied.clientAddress(), denied.requestId(),
                actionOf(denied.method(), sent), new AuditEntry.Target(null, null, uid),
                Map.of("method", denied.method(), "path", path)), WINDOW, INDIVIDUAL);
    }

    static String actionOf(String method, String path) {
        if (path.startsWith("/api/v2/catalog/import/preflight")) {
            return "preflight";
        }
        if (path.startsWith("/api/v2/catalog/model-deletions") && "POST".equals(method)
                && !path.startsWith("/api/v2/catalog/model-deletions/impact")) {
            return "delete";
        }
        Matcher lifecycle = LIFECYCLE_PATH.matcher(path);
        if ("POST".equals(method) && lifecycle.matches()) {
            return lifecycle.group(1);
        }
        if (path.startsWith("/api/v2/catalog/import")) {
            return "import";
        }
        if ("DELETE".equals(method) && path.startsWith("/api/v2/catalog/models/")) {
            return "delete";
        }
        if (path.startsWith("/api/v2/catalog/audit")) {
            return "read_audit";
        }
        String other = method.toLowerCase() + " " + path;
        return other.length() <= 32 ? other : other.substring(0, 31) + "…";
    }
}
