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
    /** An attempt refused before any effect (a 409 or 422 of ours): no intent, one row. */
    public static final String REFUSED = "refused";

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

    /**
     * The outcome of an intent written by another request, another replica or before a restart (an import resolved
     * later): the row repeats the intent's actor and target. The unique index on {@code correlates_to} keeps it to one.
     */
    public void outcomeOf(long intentId, String outcome, Map<String, Object> details) {
        try {
            writer.insertOutcomeOf(intentId, outcome, details);
        } catch (RuntimeException e) {
            metrics.counter("catalog.audit.failures", "phase", "outcome").increment();
            Log.errorf(e, "audit outcome %s of intent %d could not be written", outcome, intentId);
        }
    }

    /** A denied attempt, merged with its repeats (see {@link AuditWriter#insertDenied}). Failure is logged, not thrown. */
    public void denied(AuditEntry entry, java.time.Duration window, int individual) {
        try {
            writer.insertDenied(entry, window, individual);
        } catch (RuntimeException e) {
            metrics.counter("catalog.audit.failures", "phase", "event").increment();
            Log.errorf("denied attempt %s by %s could not be audited: %s", entry.action(), entry.actor(), e.toString());
        }
    }

    /** A single event with no effect to guard (a login). Failure to write is logged, not thrown. */
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
            // Targets come from requests, denied ones included: cap them to the columns so that an absurd path
            // can never make the audit write (and with it the request) fail. The full value stays in details.
            event.actor = cap(entry.actor() == null ? "anonymous" : entry.actor(), 128);
            event.role = cap(entry.role(), 16);
            event.action = cap(entry.action(), 32);
            event.provider = cap(entry.target().provider(), 16);
            event.modelId = cap(entry.target().modelId(), 256);
            event.modelUid = cap(entry.target().modelUid(), 63);
            event.outcome = outcome;
            event.requestId = cap(entry.requestId(), 64);
            event.clientAddress = cap(entry.clientAddress(), 64);
            event.details = entry.details();
            event.correlatesTo = correlatesTo;
            event.persist();
            return event.id;
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        void insertOutcomeOf(long intentId, String outcome, Map<String, Object> details) {
            AuditEvent intent = AuditEvent.findById(intentId);
            if (intent == null) {
                throw new IllegalStateException("no audit intent " + intentId);
            }
            AuditEvent event = new AuditEvent();
            event.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
            event.actor = intent.actor;
            event.role = intent.role;
            event.action = intent.action;
            event.provider = intent.provider;
            event.modelId = intent.modelId;
            event.modelUid = intent.modelUid;
            event.outcome = outcome;
            event.requestId = intent.requestId;
            event.clientAddress = intent.clientAddress;
            event.details = details;
            event.correlatesTo = intentId;
            event.persist();
        }

        /**
         * A denied attempt: its own row while the actor has fewer than {@code individual} denied rows for this action
         * in the window; after that it adds to the row of the same target, or to the actor's one overflow row
         * (target {@code *}). A per-actor-and-action advisory lock keeps concurrent floods from racing past the count.
         */
        @Transactional(Transactional.TxType.REQUIRES_NEW)
        void insertDenied(AuditEntry entry, java.time.Duration window, int individual) {
            String actor = cap(entry.actor() == null ? "anonymous" : entry.actor(), 128);
            String action = cap(entry.action(), 32);
            String uid = cap(entry.target().modelUid(), 63);
            AuditEvent.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                    .setParameter(1, "denied:" + actor + ":" + action).getSingleResult();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            OffsetDateTime since = now.minus(window);
            long rows = AuditEvent.count("outcome = ?1 and actor = ?2 and action = ?3 and occurredAt > ?4",
                    DENIED, actor, action, since);
            if (rows < individual) {
                insert(entry, DENIED, null);
                return;
            }
            String denied = "outcome = ?1 and actor = ?2 and action = ?3 and occurredAt > ?4 and ";
            AuditEvent same = (uid == null
                    ? AuditEvent.<AuditEvent>find(denied + "modelUid is null order by id desc", DENIED, actor, action, since)
                    : AuditEvent.<AuditEvent>find(denied + "modelUid = ?5 order by id desc", DENIED, actor, action, since, uid))
                    .firstResult();
            if (same == null) {
                same = AuditEvent.<AuditEvent>find(denied + "modelUid = '*' order by id desc", DENIED, actor, action, since)
                        .firstResult();
            }
            if (same == null) {
                insert(entry.withTarget(new AuditEntry.Target(null, null, "*"))
                        .withDetails(Map.of("method", String.valueOf(entry.details().get("method")),
                                "path", String.valueOf(entry.details().get("path")),
                                "merged", "attempts at more targets than are kept one by one")), DENIED, null);
                return;
            }
            same.attempts++;
            same.lastAt = now;
        }

        private static String cap(String value, int max) {
            return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
        }
    }
}
