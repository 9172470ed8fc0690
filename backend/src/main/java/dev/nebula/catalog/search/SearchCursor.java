package dev.nebula.catalog.search;

import dev.nebula.catalog.web.ApiException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The opaque {@code next_cursor}: a page number bound to the result list it belongs to. It never carries a hub
 * URL, so nothing a client sends back can point this service at another host; Hugging Face's real cursors stay
 * server-side (see the hf package's cursor chains).
 */
public final class SearchCursor {

    private static final String VERSION = "c1";

    private SearchCursor() {
    }

    public static String next(SearchQuery query) {
        String raw = VERSION + "." + fingerprint(query) + "." + (query.page() + 1);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The page a cursor points to, provided it was issued for the same provider, q, task, sort and limit. */
    public static int page(String cursor, SearchQuery query) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String[] parts = raw.split("\\.");
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw invalid();
        }
        if (!parts[1].equals(fingerprint(query))) {
            throw ApiException.badRequest("cursor", "This cursor belongs to a different search; "
                    + "send the same provider, q, task, sort and limit, or start again without a cursor.");
        }
        try {
            int page = Integer.parseInt(parts[2]);
            if (page < 1 || page > SearchQuery.MAX_PAGE) {
                throw invalid();
            }
            return page;
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return ApiException.badRequest("cursor", "The cursor is not one this service issued.");
    }

    private static String fingerprint(SearchQuery query) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(query.listKey().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
