package dev.nebula.catalog.web;

import java.util.Map;

/**
 * Why one item of a batch failed: the error the single request would have answered (code, message, details) with its
 * HTTP status, so the page words it per item as it would word the single request's error.
 */
public record ItemError(String code, String message, int status, Map<String, Object> details) {

    public static ItemError of(ApiException e) {
        return new ItemError(e.code(), e.getMessage(), e.status(), e.details());
    }
}
