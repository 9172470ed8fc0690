package dev.nebula.catalog.web;

import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/** The request id of the current request: accepted from the caller when sane, otherwise generated. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    /** The caller's id if it is at most 64 characters of {@code [A-Za-z0-9._-]}; otherwise a fresh one. */
    public static String acceptOrGenerate(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : generate();
    }

    public static String generate() {
        return "req-" + UUID.randomUUID();
    }

    /** The id bound to the current request (log context), or a fresh one outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id instanceof String s && !s.isEmpty() ? s : generate();
    }
}
