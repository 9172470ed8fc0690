package dev.nebula.sim.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact segment matching like axum's: no trailing-slash redirect, a {param} never matches an empty segment, and
 * methods are grouped per path so a wrong method can be told from an unknown path (405 vs 404).
 */
final class Router {
    /** A request handler; throw {@link ApiError} for error replies. */
    @FunctionalInterface
    interface Handler {
        Reply handle(Call call);
    }

    record Route(String[] segments, boolean open, Map<String, Handler> byMethod) {
    }

    record Match(Route route, List<String> params) {
    }

    private final List<Route> routes = new ArrayList<>();

    /** A route behind the session middleware. */
    Router add(String method, String pattern, Handler handler) {
        return add(method, pattern, false, handler);
    }

    /** A public route ({@code /api/healthz}, {@code /api/auth/login}). */
    Router open(String method, String pattern, Handler handler) {
        return add(method, pattern, true, handler);
    }

    private Router add(String method, String pattern, boolean open, Handler handler) {
        String[] segments = pattern.split("/", -1);
        for (Route r : routes) {
            if (String.join("/", r.segments).equals(pattern)) {
                r.byMethod.put(method, handler);
                return this;
            }
        }
        Map<String, Handler> byMethod = new LinkedHashMap<>();
        byMethod.put(method, handler);
        routes.add(new Route(segments, open, byMethod));
        return this;
    }

    Match match(String rawPath) {
        String[] parts = rawPath.split("/", -1);
        for (Route r : routes) {
            if (r.segments.length != parts.length) {
                continue;
            }
            List<String> params = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < parts.length && ok; i++) {
                if (r.segments[i].startsWith("{")) {
                    ok = !parts[i].isEmpty();
                    params.add(Call.decodeSegment(parts[i]));
                } else {
                    ok = r.segments[i].equals(parts[i]);
                }
            }
            if (ok) {
                return new Match(r, params);
            }
        }
        return null;
    }
}
