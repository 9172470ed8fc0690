package dev.nebula.catalog.search;

import dev.nebula.catalog.api.SearchEndpoints;
import dev.nebula.catalog.web.ContractLimits;

/**
 * A validated search: {@code q} may be empty (list everything), {@code task} is a hub task id or null.
 * {@code page} is 1-based; cursors are resolved to a page before a query is built.
 */
public record SearchQuery(Provider provider, String q, String task, SearchSort sort, int page, int limit) {

    /** The deepest page a search may ask for, and so a cursor lead to. */
    public static final int MAX_PAGE = (int) ContractLimits.max(SearchEndpoints.class, "searchHub", "page");

    /** The same query without its position: identifies a result list (and an HF cursor chain). */
    public String listKey() {
        return provider.wire() + '\u0000' + q + '\u0000' + (task == null ? "" : task) + '\u0000' + sort.wire()
                + '\u0000' + limit;
    }

    public SearchQuery atPage(int newPage) {
        return new SearchQuery(provider, q, task, sort, newPage, limit);
    }
}
