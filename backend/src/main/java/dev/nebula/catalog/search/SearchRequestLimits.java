package dev.nebula.catalog.search;

import dev.nebula.catalog.web.ApiException;

import java.util.regex.Pattern;

/** Validation of everything a caller may send to search; each failure names the offending field. */
public final class SearchRequestLimits {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 50;
    public static final int MAX_PAGE = 100;
    public static final int MAX_QUERY = 200;

    private static final Pattern ID_PART = Pattern.compile("[A-Za-z0-9._-]{1,96}");
    private static final Pattern TASK = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private SearchRequestLimits() {
    }

    public static SearchQuery query(String provider, String q, String task, String sort, String page, String limit) {
        Provider p = Provider.parse(provider, "provider");
        String text = q == null ? "" : q.strip();
        if (text.length() > MAX_QUERY) {
            throw ApiException.badRequest("q", "q is limited to " + MAX_QUERY + " characters.");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("q", "q must not contain control characters.");
        }
        String t = task == null || task.isBlank() ? null : task.strip();
        if (t != null && !TASK.matcher(t).matches()) {
            throw ApiException.badRequest("task", "task must be a hub task id such as text-generation.");
        }
        return new SearchQuery(p, text, t, SearchSort.parse(sort), intIn(page, "page", 1, MAX_PAGE, 1),
                intIn(limit, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT));
    }

    /** {@code owner/name}, each part 1-96 characters of {@code [A-Za-z0-9._-]} and not a dot path. */
    public static String modelId(String owner, String name) {
        for (String[] part : new String[][] {{"owner", owner}, {"name", name}}) {
            String v = part[1];
            if (v == null || !ID_PART.matcher(v).matches() || v.equals(".") || v.equals("..")) {
                throw ApiException.badRequest(part[0], "A model " + part[0]
                        + " is 1-96 characters of letters, digits, '.', '_' and '-'.");
            }
        }
        return owner + "/" + name;
    }

    /** Splits and validates a full {@code owner/name} id given by Java callers. */
    public static String modelId(String id) {
        int slash = id == null ? -1 : id.indexOf('/');
        if (slash < 0) {
            throw ApiException.badRequest("id", "A model id has the form owner/name.");
        }
        return modelId(id.substring(0, slash), id.substring(slash + 1));
    }

    private static int intIn(String value, String field, int min, int max, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.badRequest(field, field + " must be a whole number from " + min + " to " + max + ".");
    }
}
