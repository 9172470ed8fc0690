package dev.nebula.catalog.audit;

import dev.nebula.catalog.web.AccessDenied;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every refused attempt (403) becomes an audit row with outcome {@code denied}, written off the request thread. */
@ApplicationScoped
public class DeniedAttempts {

    private static final Pattern MODEL_PATH = Pattern.compile("/api/v2/catalog/models/([^/]+)");

    @Inject
    AuditLog audit;

    void onDenied(@ObservesAsync AccessDenied denied) {
        Matcher m = MODEL_PATH.matcher(denied.path());
        String uid = m.find() ? m.group(1) : null;
        audit.record(new AuditEntry(denied.actor(), denied.role(), denied.clientAddress(), denied.requestId(),
                actionOf(denied.method(), denied.path()), new AuditEntry.Target(null, null, uid),
                Map.of("method", denied.method(), "path", denied.path())), AuditLog.DENIED);
    }

    static String actionOf(String method, String path) {
        if (path.startsWith("/api/v2/catalog/import/preflight")) {
            return "preflight";
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
        return method.toLowerCase() + " " + path;
    }
}
