package dev.nebula.catalog.inventory;

import dev.nebula.catalog.api.model.DownloadedModelState;
import dev.nebula.catalog.api.model.ModelSourceName;
import dev.nebula.catalog.inventory.InventoryApi.Row;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Paging, sorting and filtering of the rows, as the request asked: the values are the contract's, already validated
 * on the generated endpoint.
 */
record InventoryQuery(int page, int limit, String sort, boolean descending, String state, String source, String q) {

    /** States worst first: sorting by state puts what needs attention at the top. */
    static final List<String> SEVERITY = List.of("failed", "degraded", "downloading", "starting", "stopping", "running",
            "stopped", "cached", "removing");

    static InventoryQuery of(int page, int limit, String sort, String order, DownloadedModelState state,
                             ModelSourceName source, String q) {
        String text = q == null || q.isBlank() ? null : q.trim();
        return new InventoryQuery(page, limit, sort, "desc".equals(order), state == null ? null : state.toString(),
                source == null ? null : source.toString(), text);
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
}
