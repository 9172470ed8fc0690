package dev.nebula.catalog.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something the page tells the user (a pre-flight problem, a delete note, why Delete is not offered): a stable code
 * with its parameters, which the page words in the reader's language, and the same in English as {@code message} for
 * logs and scripts. Parameters are strings or whole numbers, nothing else.
 */
public record Notice(String code, Map<String, Object> params, String message) {

    public Notice {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A notice from its code, its English message and its parameters as name, value pairs. */
    public static Notice of(String code, String message, Object... nameValues) {
        if (nameValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in name, value pairs");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            Object value = nameValues[i + 1];
            params.put((String) nameValues[i], value instanceof Number n ? (Object) n.longValue() : String.valueOf(value));
        }
        return new Notice(code, params, message);
    }
}
