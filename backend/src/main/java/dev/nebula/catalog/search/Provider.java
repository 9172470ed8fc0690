package dev.nebula.catalog.search;

import dev.nebula.catalog.web.ApiException;

/**
 * The model hubs the catalog can search. Requests may spell Hugging Face {@code hf} (as the design does) or
 * {@code huggingface}; answers always use the canonical wire name, the lower-case enum name.
 */
public enum Provider {
    HUGGINGFACE, MODELSCOPE;

    public String wire() {
        return name().toLowerCase();
    }

    /** Parses a request value; anything else is the caller's mistake, reported against {@code field}. */
    public static Provider parse(String value, String field) {
        if (value != null) {
            for (Provider p : values()) {
                if (p.wire().equals(value) || (p == HUGGINGFACE && value.equals("hf"))) {
                    return p;
                }
            }
        }
        throw ApiException.badRequest(field, "Unknown provider '" + (value == null ? "" : value)
                + "'; use hf (or huggingface) or modelscope.");
    }
}
