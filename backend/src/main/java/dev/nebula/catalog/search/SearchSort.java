package dev.nebula.catalog.search;

import dev.nebula.catalog.web.ApiException;

/** Orders a search can ask for. Every hub sorts descending only. */
public enum SearchSort {
    DOWNLOADS, LIKES, UPDATED, TRENDING;

    public static SearchSort parse(String value) {
        if (value == null || value.isBlank()) {
            return DOWNLOADS;
        }
        for (SearchSort s : values()) {
            if (s.name().equalsIgnoreCase(value)) {
                return s;
            }
        }
        throw ApiException.badRequest("sort", "Unknown sort '" + value + "'; use downloads, likes, updated or trending.");
    }

    public String wire() {
        return name().toLowerCase();
    }
}
