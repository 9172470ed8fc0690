package dev.nebula.catalog.search.hf;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads HF's {@code Link: <url>; rel="next"}. Only the query of that URL is kept: the next request goes to the
 * configured endpoint whatever host the link names (mirrors name huggingface.co), and a link to any other path
 * is refused, so an upstream cannot steer us anywhere but {@code /api/models}.
 */
final class NextLink {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;[^,]*rel=\"?next\"?");

    private NextLink() {
    }

    /** The next page's query parameters, or null when there is no (acceptable) next link. */
    static MultivaluedMap<String, String> parse(String linkHeader) {
        if (linkHeader == null) {
            return null;
        }
        Matcher m = NEXT.matcher(linkHeader);
        if (!m.find()) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(m.group(1).trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
        String path = uri.getPath();
        String scheme = uri.getScheme();
        if (path == null || !path.endsWith("/api/models") || uri.getRawQuery() == null
                || (scheme != null && !scheme.equals("https") && !scheme.equals("http"))) {
            return null;
        }
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            params.add(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return params.containsKey("cursor") ? params : null;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
