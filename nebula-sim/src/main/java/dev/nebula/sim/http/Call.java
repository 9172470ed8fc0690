package dev.nebula.sim.http;

import com.sun.net.httpserver.HttpExchange;
import dev.nebula.sim.auth.User;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One incoming request, read fully up front (bodies are small), plus what routing and auth learn about it. */
final class Call {
    final String method;
    final String path;
    final String rawQuery;
    final Map<String, List<String>> query;
    final byte[] body;
    private final HttpExchange exchange;
    List<String> params = List.of();
    User user;
    String token;

    private Call(HttpExchange exchange, byte[] body) {
        this.exchange = exchange;
        this.method = exchange.getRequestMethod();
        this.path = exchange.getRequestURI().getRawPath();
        this.rawQuery = exchange.getRequestURI().getRawQuery();
        this.query = parseQuery(rawQuery);
        this.body = body;
    }

    static Call read(HttpExchange exchange) throws IOException {
        return new Call(exchange, exchange.getRequestBody().readAllBytes());
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    String param(int i) {
        return params.get(i);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Role check as handlers do it, i.e. after the body was extracted (reference §2.3). */
    void require(String role) {
        if (user.rank() < User.rankOf(role)) {
            throw Errors.insufficientPermissions();
        }
    }

    private static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    /** Percent-decodes a path segment; unlike a query string, '+' stays a plus. */
    static String decodeSegment(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
