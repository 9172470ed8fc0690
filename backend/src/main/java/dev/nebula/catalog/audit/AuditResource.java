package dev.nebula.catalog.audit;

import dev.nebula.catalog.web.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** The audit trail for admins: newest first, paged, filtered by action, actor, outcome and time range. */
@Path("/api/v2/catalog/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditListing listing;

    /** A folded row (see {@link AuditListing}): {@code correlates_to} is always null, {@code completed_at} set once done. */
    public record Record(long id, String occurred_at, String actor, String role, String action, String provider,
                         String model_id, String model_uid, String outcome, String request_id, String client_address,
                         Map<String, Object> details, Long correlates_to, String completed_at, int attempts,
                         String last_at) {
    }

    public record RecordPage(List<Record> items, int page, int limit, long total) {
    }

    @GET
    @RolesAllowed("admin")
    public RecordPage list(@QueryParam("page") Integer page, @QueryParam("limit") Integer limit,
                           @QueryParam("action") String action, @QueryParam("actor") String actor,
                           @QueryParam("outcome") String outcome, @QueryParam("from") String from,
                           @QueryParam("to") String to) {
        int p = page == null ? 1 : page;
        int l = limit == null ? 50 : limit;
        if (p < 1 || p > 100_000) {
            throw ApiException.badRequest("page", "page must be between 1 and 100000");
        }
        if (l < 1 || l > 200) {
            throw ApiException.badRequest("limit", "limit must be between 1 and 200");
        }
        var filter = new AuditListing.Filter(action, actor, outcome,
                from == null || from.isBlank() ? null : time("from", from),
                to == null || to.isBlank() ? null : time("to", to));
        AuditListing.Page found = listing.list(filter, p, l);
        return new RecordPage(found.items().stream().map(AuditResource::toRecord).toList(), p, l, found.total());
    }

    private static OffsetDateTime time(String field, String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, field + " must be an ISO-8601 date-time with offset, e.g. 2026-11-26T10:00:00Z");
        }
    }

    private static Record toRecord(AuditListing.Folded f) {
        AuditEvent e = f.event();
        return new Record(e.id, e.occurredAt.toInstant().toString(), e.actor, e.role, e.action, e.provider, e.modelId,
                e.modelUid, f.outcomeName(), e.requestId, e.clientAddress, f.details(), null,
                f.completedAt() == null ? null : f.completedAt().toInstant().toString(), e.attempts,
                e.lastAt == null ? null : e.lastAt.toInstant().toString());
    }
}
