package dev.nebula.catalog.search;

import dev.nebula.catalog.web.ApiException;

/** The model hubs the catalog can search; the wire name is the lower-case enum name. */
public enum Provider {
    HUGGINGFACE, MODELSCOPE;

    public String wire() {
        return name().toLowerCase();
    }

    /** Parses a request value; anything else is the caller's mistake, reported against {@code field}. */
    public static Provider parse(String value, String field) {
        if (value != null) {
            for (Provider p : values()) {
                if (p.wire().equals(value)) {
                    return p;
                }
            }
        }
        throw ApiException.badRequest(field, "Unknown provider '" + (value == null ? "" : value)
                + "'; use huggingface or modelscope.");
    }
}
