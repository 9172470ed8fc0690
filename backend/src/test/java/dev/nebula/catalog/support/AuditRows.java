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
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<AuditEvent> rows = byRequestId(requestId);
        while (!done.test(rows) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            rows = byRequestId(requestId);
        }
        return rows;
    }
}
