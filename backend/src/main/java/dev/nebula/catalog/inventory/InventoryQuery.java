package dev.nebula.catalog.inventory;

import dev.nebula.catalog.inventory.InventoryApi.Row;
import dev.nebula.catalog.web.ApiException;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** Paging, sorting and filtering of the rows, validated field by field so a 400 names what was wrong. */
record InventoryQuery(int page, int limit, String sort, boolean descending, String state, String source, String q) {

    static final Set<String> SORTS = Set.of("name", "size", "last_used", "last_seen_running", "state");

    /** States worst first: sorting by state puts what needs attention at the top. */
    static final List<String> SEVERITY = List.of("failed", "degraded", "downloading", "starting", "stopping", "running",
            "stopped", "cached", "removing");
    static final Set<String> STATES = Set.of("stopped", "downloading", "starting", "running", "degraded", "failed",
            "stopping", "cached", "removing");
    static final Set<String> SOURCES = Set.of("huggingface", "modelscope", "local");
    static final int MAX_LIMIT = 100;

    static InventoryQuery parse(String page, String limit, String sort, String order, String state, String source,
                                String q) {
        int p = integer("page", page, 1, 1, 100_000);
        int l = integer("limit", limit, 20, 1, MAX_LIMIT);
        String s = oneOf("sort", sort, SORTS, "name");
        String o = oneOf("order", order, Set.of("asc", "desc"), "asc");
        String st = oneOf("state", state, STATES, null);
        String src = oneOf("source", source, SOURCES, null);
        String text = q == null || q.isBlank() ? null : q.trim();
        if (text != null && text.length() > 200) {
            throw ApiException.badRequest("q", "q must be at most 200 characters");
        }
        return new InventoryQuery(p, l, s, "desc".equals(o), st, src, text);
    }

    List<Row> filter(List<Row> rows) {
        String needle = q == null ? null : q.toLowerCase(Locale.ROOT);
        return rows.stream()
                .filter(r -> state == null || state.equals(r.state()))
                .filter(r -> source == null || source.equals(r.source()))
                .filter(r -> needle == null || contains(r.model_name(), needle) || contains(r.model_uid(), needle))
                .sorted(comparator())
                .toList();
    }

    List<Row> page(List<Row> filtered) {
        int from = Math.min(filtered.size(), (page - 1) * limit);
        return filtered.subList(from, Math.min(filtered.size(), from + limit));
    }

    private Comparator<Row> comparator() {
        Comparator<Row> byName = Comparator.comparing(Row::model_name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(r -> r.model_uid() == null ? "" : r.model_uid());
        Comparator<Row> primary = switch (sort) {
            case "size" -> nullsLast(Row::size_bytes);
            case "last_used" -> nullsLast(r -> r.last_used() == null ? null : Instant.parse(r.last_used()));
            case "last_seen_running" -> nullsLast(r -> r.last_seen_running() == null ? null : Instant.parse(r.last_seen_running()));
            case "state" -> nullsLast(r -> SEVERITY.indexOf(r.state()) < 0 ? null : SEVERITY.indexOf(r.state()));
            default -> byName;
        };
        Comparator<Row> ordered = descending ? primary.reversed() : primary;
        if (!"name".equals(sort)) {
            // Rows without the value sort last in either direction.
            Function<Row, Object> key = switch (sort) {
                case "state" -> Row::state;
                case "size" -> Row::size_bytes;
                case "last_seen_running" -> Row::last_seen_running;
                default -> Row::last_used;
            };
            Comparator<Row> present = Comparator.comparing(r -> key.apply(r) == null);
            ordered = present.thenComparing(ordered);
        }
        return ordered.thenComparing(byName);
    }

    private static <K extends Comparable<K>> Comparator<Row> nullsLast(Function<Row, K> key) {
        return Comparator.comparing(key, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    private static boolean contains(String value, String needle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static int integer(String field, String raw, int dflt, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(raw.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.badRequest(field, field + " must be an integer between " + min + " and " + max);
    }

    private static String oneOf(String field, String raw, Set<String> allowed, String dflt) {
        if (raw == null || raw.isBlank()) {
            return dflt;
        }
        if (!allowed.contains(raw)) {
            throw ApiException.badRequest(field, field + " must be one of " + allowed.stream().sorted().toList());
        }
        return raw;
    }
}
