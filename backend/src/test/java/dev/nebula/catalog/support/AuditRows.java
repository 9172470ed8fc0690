package dev.nebula.catalog.support;

import dev.nebula.catalog.audit.AuditEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Reads the audit table directly, as an auditor would, waiting briefly for rows written off the request thread. */
public final class AuditRows {

    private AuditRows() {
    }

    public static List<AuditEvent> byRequestId(String requestId) {
        return QuarkusTransaction.requiringNew().call(() ->
                AuditEvent.<AuditEvent>list("requestId = ?1 order by id", requestId));
    }

    public static List<AuditEvent> awaitByRequestId(String requestId, Predicate<List<AuditEvent>> done) {
        return Eventually.value(Duration.ofSeconds(5), () -> byRequestId(requestId), done);
    }
}
