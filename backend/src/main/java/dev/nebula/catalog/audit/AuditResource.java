package dev.nebula.catalog.audit;

import dev.nebula.catalog.api.AuditEndpoints;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;

/** The audit trail for admins: newest first, paged, filtered by action, actor, outcome and time range. */
public class AuditResource implements AuditEndpoints {

    @Inject
    AuditListing listing;

    @Override
    @RolesAllowed("admin")
    public AuditApi.Page listAudit(String requestId, Integer page, Integer limit, String action, String actor,
                                   String outcome, OffsetDateTime from, OffsetDateTime to) {
        AuditListing.Page found = listing.list(new AuditListing.Filter(action, actor, outcome, from, to), page, limit);
        return new AuditApi.Page(found.items().stream().map(AuditResource::toRecord).toList(), page, limit,
                found.total());
    }

    private static AuditApi.Record toRecord(AuditListing.Folded f) {
        AuditEvent e = f.event();
        return new AuditApi.Record(e.id, e.occurredAt.toInstant().toString(), e.actor, e.role, e.action, e.provider,
                e.modelId, e.modelUid, f.outcomeName(), e.requestId, e.clientAddress, f.details(), null,
                f.completedAt() == null ? null : f.completedAt().toInstant().toString(), e.attempts,
                e.lastAt == null ? null : e.lastAt.toInstant().toString());
    }
}
