package dev.nebula.catalog.audit;

import java.util.List;
import java.util.Map;

/** API types of the audit listing. */
public final class AuditApi {

    private AuditApi() {
    }

    /** A folded row (see {@link AuditListing}): {@code correlates_to} is always null, {@code completed_at} set once done. */
    public record Record(long id, String occurred_at, String actor, String role, String action, String provider,
                         String model_id, String model_uid, String outcome, String request_id, String client_address,
                         Map<String, Object> details, Long correlates_to, String completed_at, int attempts,
                         String last_at) {
    }

    public record Page(List<Record> items, int page, int limit, long total) {
    }
}
