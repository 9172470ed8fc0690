package dev.nebula.catalog.audit;

import dev.nebula.catalog.web.ApiException;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The audit trail for admins: newest first, paged, filtered by action, actor, outcome and time range. */
@Path("/api/v2/catalog/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    public record Record(long id, String occurred_at, String actor, String role, String action, String provider,
                         String model_id, String model_uid, String outcome, String request_id, String client_address,
                         Map<String, Object> details, Long correlates_to, int attempts, String last_at) {
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
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (action != null && !action.isBlank()) {
            where.add("action = :action");
            params.and("action", action);
        }
        if (actor != null && !actor.isBlank()) {
            where.add("actor = :actor");
            params.and("actor", actor);
        }
        if (outcome != null && !outcome.isBlank()) {
            where.add("outcome = :outcome");
            params.and("outcome", outcome);
        }
        if (from != null && !from.isBlank()) {
            where.add("occurredAt >= :from");
            params.and("from", time("from", from));
        }
        if (to != null && !to.isBlank()) {
            where.add("occurredAt < :to");
            params.and("to", time("to", to));
        }
        var query = AuditEvent.<AuditEvent>find(String.join(" and ", where),
                Sort.descending("occurredAt").and("id", Sort.Direction.Descending), params).page(Page.of(p - 1, l));
        List<Record> items = query.list().stream().map(AuditResource::toRecord).toList();
        return new RecordPage(items, p, l, query.count());
    }

    private static OffsetDateTime time(String field, String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, field + " must be an ISO-8601 date-time with offset, e.g. 2026-11-26T10:00:00Z");
        }
    }

    private static Record toRecord(AuditEvent e) {
        return new Record(e.id, e.occurredAt.toInstant().toString(), e.actor, e.role, e.action, e.provider, e.modelId,
                e.modelUid, e.outcome, e.requestId, e.clientAddress, e.details, e.correlatesTo, e.attempts,
                e.lastAt == null ? null : e.lastAt.toInstant().toString());
    }
}
