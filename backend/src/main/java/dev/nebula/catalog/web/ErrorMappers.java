package dev.nebula.catalog.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/**
 * Turns every failure inside a REST resource — ours, the framework's, the unexpected — into the API's JSON error
 * body with a fitting status. Stack traces go to the log, never to the caller.
 */
public class ErrorMappers {

    @Inject
    SecurityIdentity identity;

    @Inject
    Event<AccessDenied> denied;

    @ServerExceptionMapper
    public Response api(ApiException e, HttpServerRequest request) {
        Response.ResponseBuilder builder = Response.status(e.status())
                .entity(ErrorResponse.of(requestId(request), e.code(), e.getMessage(), e.details()))
                .type(MediaType.APPLICATION_JSON_TYPE);
        e.headers().forEach(builder::header);
        return builder.build();
    }

    /**
     * The framework answers a query or path parameter it cannot convert (page=abc for an integer) with a 404
     * carrying the conversion failure as its cause, as JAX-RS prescribes. The endpoint exists, so the caller is told
     * what is wrong with the request instead.
     */
    @ServerExceptionMapper
    public Response unconvertibleParameter(NotFoundException e, HttpServerRequest request, ResourceInfo resource,
                                           UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof RequestParameters.Unreadable unreadable) {
            return api(unreadable(unreadable, resource, uri, headers), request);
        }
        if (e.getCause() == null) {
            return webApplication(e, request);
        }
        return error(request, 400, "validation_failed", "A parameter has a value of the wrong type ("
                + e.getCause().getMessage() + ").");
    }

    /** The contract's request rules, checked on the generated endpoints. */
    @ServerExceptionMapper
    public Response violation(ConstraintViolationException e, HttpServerRequest request) {
        return api(ConstraintViolations.toApi(e), request);
    }

    /** A header of the wrong type (JAX-RS makes it a 400 rather than a 404). */
    @ServerExceptionMapper
    public Response unreadableHeader(BadRequestException e, HttpServerRequest request, ResourceInfo resource,
                                     UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof RequestParameters.Unreadable unreadable) {
            return api(unreadable(unreadable, resource, uri, headers), request);
        }
        return webApplication(e, request);
    }

    private static ApiException unreadable(RequestParameters.Unreadable e, ResourceInfo resource, UriInfo uri,
                                           HttpHeaders headers) {
        String name = resource == null || resource.getResourceMethod() == null ? null
                : EndpointParameters.carrying(resource.getResourceMethod(), e.type(), e.value(), uri, headers);
        return name == null ? ApiException.badRequest("parameter", "A parameter " + e.getMessage() + ".")
                : ApiException.badRequest(name, name + " must be " + RequestParameters.expected(e.type()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        // the JSON reader wraps what Jackson found in a 400 of its own; the caller should hear what it was
        if (e.getCause() instanceof JsonMappingException mapping && JsonFields.outsideEnum(mapping)) {
            return api(JsonFields.enumRefusal(mapping), request);
        }
        if (e.getCause() instanceof MismatchedInputException shape) {
            return jsonShape(shape, request);
        }
        if (e.getCause() instanceof JsonProcessingException parse) {
            return json(parse, request);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            Log.errorf(e, "request failed with %d", status);
        }
        return error(request, status, HttpErrors.codeFor(status), HttpErrors.messageFor(status, request));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, HttpServerRequest request) {
        if (e instanceof JsonMappingException mapping && JsonFields.outsideEnum(mapping)) {
            return api(JsonFields.enumRefusal(mapping), request);
        }
        return error(request, 400, "invalid_json", "The request body is not valid JSON for this endpoint: "
                + e.getOriginalMessage());
    }

    /**
     * Well-formed JSON of the wrong shape (an object where a string belongs). Named on its own because the
     * framework's built-in mapper for exactly this type would otherwise answer an empty 400.
     */
    @ServerExceptionMapper
    public Response jsonShape(MismatchedInputException e, HttpServerRequest request) {
        if (JsonFields.outsideEnum(e)) {
            return api(JsonFields.enumRefusal(e), request);
        }
        String field = JsonFields.path(e);
        if (field.isEmpty()) {
            String what = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")
                    ? "The request body has content after its JSON value." : "The request body does not have the shape this endpoint expects.";
            return error(request, 400, "invalid_json", what);
        }
        return Response.status(400)
                .entity(ErrorResponse.of(requestId(request), "invalid_json",
                        "The request body field '" + field + "' has the wrong type.", Map.of("field", field)))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return error(request, 401, "unauthorized", "Sign in first: this endpoint needs a valid bearer token.");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return error(request, 401, "unauthorized", "The bearer token is invalid or expired; sign in again.");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        String actor = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        String role = identity.getRoles().contains("admin") ? "admin"
                : identity.getRoles().contains("operator") ? "operator" : identity.getRoles().contains("viewer") ? "viewer" : null;
        denied.fire(new AccessDenied(actor, role, request.method().name(), request.path(), requestId(request),
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress()));
        return error(request, 403, "forbidden", "Your role (" + role + ") does not allow this action.");
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (DatabaseFailures.isUnreachable(e)) {
            Log.warnf("database unreachable on %s %s: %s", request.method(), request.path(), e.toString());
            return error(request, 503, "database_unavailable",
                    "The catalog's database cannot be reached right now; try again shortly.");
        }
        Log.errorf(e, "unexpected failure on %s %s", request.method(), request.path());
        return error(request, 500, "internal_error", "An unexpected error occurred; quote the request id when reporting it.");
    }

    static String requestId(HttpServerRequest request) {
        String id = request == null ? null : request.response().headers().get(RequestIds.HEADER);
        return id != null ? id : RequestIds.current();
    }

    private static Response error(HttpServerRequest request, int status, String code, String message) {
        return Response.status(status)
                .entity(ErrorResponse.of(requestId(request), code, message, Map.of()))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
