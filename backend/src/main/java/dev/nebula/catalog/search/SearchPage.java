package dev.nebula.catalog.search;

import java.util.List;

/** One page of a hub search. {@code total} only when the hub counts (ModelScope); {@code next_cursor} is opaque. */
public record SearchPage(String provider, int page, int limit, List<SearchItem> items, boolean has_more, Long total,
                         String next_cursor) {
}
