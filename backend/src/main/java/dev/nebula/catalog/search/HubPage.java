package dev.nebula.catalog.search;

import java.util.List;

/** What a hub adapter returns for one page, before cluster holdings and cursors are added. */
public record HubPage(List<SearchItem> items, boolean hasMore, Long total) {
}
