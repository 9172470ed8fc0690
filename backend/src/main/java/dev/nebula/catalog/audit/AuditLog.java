package dev.nebula.catalog.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Writes the audit trail. {@link #intent} commits in its own transaction before the caller touches Nebula and
 * throws {@link AuditUnavailableException} when it cannot: no audit record, no write. {@link #outcome} records
 * how it ended; losing an outcome is logged loudly but cannot undo an effect that already happened.
 */
@ApplicationScoped
public class AuditLog {

    public static final String ACCEPTED = "accepted";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String DENIED = "denied";

    @Inject
    AuditWriter writer;

    @Inject
    MeterRegistry metrics;

    public long intent(AuditEntry entry) {
        try {
            return writer.insert(entry, ACCEPTED, null);
        } catch (RuntimeException e) {
            metrics.counter("catalog.audit.failures", "phase", "intent").increment();
            Log.errorf(e, "audit intent for %s by %s could not be written; refusing the write", entry.action(), entry.actor());
            throw new AuditUnavailableException(e);
        }
    }

    public void outcome(long intentId, AuditEntry entry, String outcome, Map<String, Object> details) {
        try {
            writer.insert(entry.withDetails(details), outcome, intentId);
        } catch (RuntimeException e) {
            metrics.counter("catalog.audit.failures", "phase", "outcome").increment();
            Log.errorf(e, "audit outcome %s of intent %d (%s) could not be written", outcome, intentId, entry.action());
        }
    }

    /** A single event with no effect to guard (a denied attempt, a login). Failure to write is logged, not thrown. */
    public void record(AuditEntry entry, String outcome) {
        try {
            writer.insert(entry, outcome, null);
        } catch (RuntimeException e) {
            metrics.counter("catalog.audit.failures", "phase", "event").increment();
            Log.errorf(e, "audit event %s/%s by %s could not be written", entry.action(), outcome, entry.actor());
        }
    }

    /** Separate bean so that each insert gets its own committed transaction through the CDI interceptor. */
    @ApplicationScoped
    public static class AuditWriter {

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        long insert(AuditEntry entry, String outcome, Long correlatesTo) {
            AuditEvent event = new AuditEvent();
            event.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
            event.actor = entry.actor() == null ? "anonymous" : entry.actor();
            event.role = entry.role();
            event.action = entry.action();
            event.provider = entry.target().provider();
            event.modelId = entry.target().modelId();
            event.modelUid = entry.target().modelUid();
            event.outcome = outcome;
            event.requestId = entry.requestId();
            event.clientAddress = entry.clientAddress();
            event.details = entry.details();
            event.correlatesTo = correlatesTo;
            event.persist();
            return event.id;
        }
    }
}
