package dev.nebula.catalog.search;

/** Orders a search can ask for (the contract's {@code sort} values, upper-cased). Every hub sorts descending only. */
public enum SearchSort {
    DOWNLOADS, LIKES, UPDATED, TRENDING;

    public String wire() {
        return name().toLowerCase();
    }
}
