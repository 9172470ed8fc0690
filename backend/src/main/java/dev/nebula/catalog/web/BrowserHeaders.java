package dev.nebula.catalog.web;

import dev.nebula.catalog.config.CatalogConfig;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Browser hardening on every answer. All answers say nosniff, same-origin referrers and Vary: Accept-Encoding. The page itself (HTML, outside
 * /api and /q) gets a Content-Security-Policy whose frame-ancestors is configurable, so Nebula's own UI can embed it,
 * and no-cache, so a deploy shows at the next load; so does every other file outside /assets (theme.js keeps its name
 * across deploys). Only the hashed bundles under /assets keep their long, immutable caching: a deploy gives them new names.
 */
@ApplicationScoped
public class BrowserHeaders {

    @Inject
    CatalogConfig config;

    private String policy;

    void install(@Observes Router router) {
        // Radix's scroll lock injects a <style> element, hence 'unsafe-inline' for styles only; scripts are ours alone.
        policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors "
                + config.web().frameAncestors().trim();
        router.route().order(-100).handler(this::decorate);
    }

    private void decorate(RoutingContext rc) {
        String path = rc.normalizedPath();
        boolean page = !path.startsWith("/api/") && !path.equals("/api") && !path.startsWith("/q/");
        HttpServerResponse response = rc.response();
        // answers are gzipped when asked (quarkus.http.enable-compression): caches must key on the encoding
        response.putHeader("X-Content-Type-Options", "nosniff").putHeader("Referrer-Policy", "same-origin")
                .putHeader("Vary", "Accept-Encoding");
        if (page) {
            boolean hashed = path.startsWith("/assets/");
            rc.addHeadersEndHandler(ignored -> {
                String type = response.headers().get("Content-Type");
                if (type != null && type.startsWith("text/html")) {
                    response.putHeader("Content-Security-Policy", policy);
                }
                if (!hashed) {
                    response.putHeader("Cache-Control", "no-cache");
                }
            });
        }
        rc.next();
    }
}
