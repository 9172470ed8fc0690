package dev.nebula.catalog.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the audit trail as an admin wants it: one row per write. A write is stored as two rows, its intent
 * ({@code accepted}, committed before the effect) and its outcome (pointing back through {@code correlates_to}); the
 * listing folds each outcome into its intent, so the row says what was asked, how it ended and when it ended, with
 * the details of both. Intents without an outcome yet stay {@code accepted}; denied, refused and single events
 * (sign-ins) have no outcome row and read as they are. Filters apply to the folded row (an outcome filter of
 * {@code succeeded} finds the writes that succeeded).
 */
@ApplicationScoped
public class AuditListing {

    /** One folded row: the intent (or single event) and its outcome row, if any. */
    public record Folded(AuditEvent event, AuditEvent outcome) {

        public String outcomeName() {
            return outcome == null ? event.outcome : outcome.outcome;
        }

        /** The intent's details with the outcome's on top (the outcome knows what actually happened). */
        public Map<String, Object> details() {
            if (outcome == null || outcome.details == null || outcome.details.isEmpty()) {
                return event.details;
            }
            Map<String, Object> merged = new LinkedHashMap<>(event.details == null ? Map.of() : event.details);
            merged.putAll(outcome.details);
            return merged;
        }

        public OffsetDateTime completedAt() {
            return outcome == null ? null : outcome.occurredAt;
        }
    }

    public record Filter(String action, String actor, String outcome, OffsetDateTime from, OffsetDateTime to) {
    }

    public record Page(List<Folded> items, long total) {
    }

    private static final String FROM = " from AuditEvent e left join AuditEvent o on o.correlatesTo = e.id"
            + " where e.correlatesTo is null";

    public Page list(Filter filter, int page, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        TypedQuery<Object[]> rows = AuditEvent.getEntityManager()
                .createQuery("select e, o" + FROM + where + " order by e.occurredAt desc, e.id desc", Object[].class)
                .setFirstResult((page - 1) * limit).setMaxResults(limit);
        TypedQuery<Long> count = AuditEvent.getEntityManager().createQuery("select count(e)" + FROM + where, Long.class);
        params.forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<Folded> items = new ArrayList<>();
        for (Object[] row : rows.getResultList()) {
            items.add(new Folded((AuditEvent) row[0], (AuditEvent) row[1]));
        }
        return new Page(items, count.getSingleResult());
    }

    private static String where(Filter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        if (present(filter.action())) {
            where.append(" and e.action = :action");
            params.put("action", filter.action());
        }
        if (present(filter.actor())) {
            where.append(" and e.actor = :actor");
            params.put("actor", filter.actor());
        }
        if (present(filter.outcome())) {
            where.append(" and coalesce(o.outcome, e.outcome) = :outcome");
            params.put("outcome", filter.outcome());
        }
        if (filter.from() != null) {
            where.append(" and e.occurredAt >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and e.occurredAt < :to");
            params.put("to", filter.to());
        }
        return where.toString();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
