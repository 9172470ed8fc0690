package dev.nebula.catalog.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

/**
 * Runs before everything else on every HTTP request: fixes the request id, puts it in the log context and
 * on the response, so that every answer — ours, the framework's, the static files' — carries it.
 */
@ApplicationScoped
public class RequestIdFilter {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::bind);
    }

    void bind(RoutingContext rc) {
        String id = RequestIds.acceptOrGenerate(rc.request().getHeader(RequestIds.HEADER));
        rc.put(RequestIds.MDC_KEY, id);
        MDC.put(RequestIds.MDC_KEY, id);
        rc.response().putHeader(RequestIds.HEADER, id);
        rc.next();
    }
}
