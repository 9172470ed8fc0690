package dev.nebula.catalog.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Router-level routes outside JAX-RS: the contract at /q/openapi (served byte for byte), the SPA fallback for
 * client-side deep links, and a JSON 404 for /api paths no resource matched — so no HTML ever leaves /api.
 */
@ApplicationScoped
public class Routes {

    static final String CONTRACT_RESOURCE = "META-INF/catalog-api.yaml";

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        Buffer contract = Buffer.buffer(readContract());
        router.get("/q/openapi").order(-10).handler(rc -> rc.response()
                .putHeader("Content-Type", "application/yaml;charset=UTF-8").end(contract));
        // Deep links such as /model-catalog render the SPA; paths with a dot are files and stay 404 when missing.
        router.getWithRegex("^/(?!api(/|$)|q(/|$))[^.]+$").handler(rc -> rc.reroute("/"));
        // Only '&' separates parameters: the query decoder also splits on ';', so sort=name;state=failed applied a
        // filter the caller never wrote as one. An encoded %3B stays an ordinary character of a value.
        router.route("/api/*").order(-50).handler(rc -> {
            String query = rc.request().query();
            if (query != null && query.indexOf(';') >= 0) {
                respond(rc, 400, "validation_failed", "Separate query parameters with & only; a ';' in a value is "
                        + "written %3B.");
                return;
            }
            rc.next();
        });
        router.route("/api/*").order(Integer.MAX_VALUE).handler(this::apiNotFound);
        router.route("/api/*").order(Integer.MAX_VALUE).failureHandler(this::apiFailure);
    }

    private void apiNotFound(RoutingContext rc) {
        respond(rc, 404, "not_found", "No such endpoint: " + rc.request().method() + " " + rc.request().path());
    }

    private void apiFailure(RoutingContext rc) {
        int status = rc.statusCode() > 0 ? rc.statusCode() : 500;
        respond(rc, status, HttpErrors.codeFor(status), HttpErrors.messageFor(status, rc.request()));
    }

    private void respond(RoutingContext rc, int status, String code, String message) {
        if (rc.response().ended()) {
            return;
        }
        String id = ErrorMappers.requestId(rc.request());
        try {
            rc.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(json.writeValueAsString(ErrorResponse.of(id, code, message, Map.of())));
        } catch (IOException e) {
            rc.response().setStatusCode(500).end();
        }
    }

    private static byte[] readContract() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(CONTRACT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CONTRACT_RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
