package dev.nebula.catalog.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
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

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            Log.errorf(e, "request failed with %d", status);
        }
        return error(request, status, HttpErrors.codeFor(status), HttpErrors.messageFor(status, request));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, HttpServerRequest request) {
        return error(request, 400, "invalid_json", "The request body is not valid JSON for this endpoint: "
                + e.getOriginalMessage());
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
        denied.fireAsync(new AccessDenied(actor, role, request.method().name(), request.path(), requestId(request),
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress()));
        return error(request, 403, "forbidden", "Your role (" + role + ") does not allow this action.");
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, HttpServerRequest request) {
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
