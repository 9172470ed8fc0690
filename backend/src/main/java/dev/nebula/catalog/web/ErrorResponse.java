package dev.nebula.catalog.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/** The one error body of this API. */
public record ErrorResponse(Body error) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(String code, String message, String request_id, Map<String, Object> details) {
    }

    public static ErrorResponse of(String requestId, String code, String message, Map<String, Object> details) {
        return new ErrorResponse(new Body(code, message, requestId, details == null || details.isEmpty() ? null : details));
    }
}
