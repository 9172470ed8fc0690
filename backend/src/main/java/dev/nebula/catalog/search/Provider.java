package dev.nebula.catalog.search;

import dev.nebula.catalog.web.ApiException;

/**
 * The model hubs the catalog can search. Requests may spell Hugging Face {@code hf} (as the design does) or
 * {@code huggingface}; answers always use the canonical wire name, the lower-case enum name.
 */
public enum Provider {
    HUGGINGFACE("HF_ENDPOINT"), MODELSCOPE("MODELSCOPE_ENDPOINT");

    private final String endpointVariable;

    Provider(String endpointVariable) {
        this.endpointVariable = endpointVariable;
    }

    public String wire() {
        return name().toLowerCase();
    }

    /** The environment variable that points this hub at a mirror (see application.properties). */
    public String endpointVariable() {
        return endpointVariable;
    }

    /** This hub's settings. */
    public dev.nebula.catalog.config.CatalogConfig.Hub settings(dev.nebula.catalog.config.CatalogConfig config) {
        return this == HUGGINGFACE ? config.hubs().huggingface() : config.hubs().modelscope();
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
