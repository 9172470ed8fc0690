package dev.nebula.catalog.search;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Field readers that assume nothing: absent, null, wrong type and odd formats all end as null. */
public final class Normalize {

    public static final int MAX_TAGS = 20;

    /** ModelScope writes naive timestamps in China time. */
    private static final ZoneId HUB_LOCAL = ZoneId.of("Asia/Shanghai");
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private Normalize() {
    }

    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) {
            return null;
        }
        String s = visible(v.asText()).trim();
        return s.isEmpty() ? null : s;
    }

    /**
     * Hub text without Unicode bidi controls (embeddings, overrides, isolates, marks): anyone can publish a card, and
     * these would make the page show text in an order other than it is stored (a reversed name, a spoofed license).
     */
    public static String visible(String text) {
        return text == null ? null : BIDI_CONTROLS.matcher(text).replaceAll("");
    }

    private static final java.util.regex.Pattern BIDI_CONTROLS =
            java.util.regex.Pattern.compile("[\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");

    /** 64-bit count; numbers sent as strings are accepted, negatives and junk are not. */
    public static Long count(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() || v.isFloatingPointNumber()) {
            return v.asLong() >= 0 ? v.asLong() : null;
        }
        if (v.isTextual()) {
            try {
                long parsed = Long.parseLong(v.asText().trim());
                return parsed >= 0 ? parsed : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    public static boolean bool(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && (v.isBoolean() ? v.asBoolean() : v.isTextual() && "true".equalsIgnoreCase(v.asText()));
    }

    /**
     * Any hub timestamp as ISO-8601 UTC: Unix seconds (or milliseconds), ISO with zone or offset, or a naive
     * local date-time (read as Asia/Shanghai). Zero, negative and unparseable values become null.
     */
    public static String timestamp(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return epoch(v.asLong());
        }
        String s = v.asText().trim();
        if (s.isEmpty()) {
            return null;
        }
        if (s.chars().allMatch(Character::isDigit)) {
            return epoch(Long.parseLong(s));
        }
        try {
            return OffsetDateTime.parse(s).toInstant().toString();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(s.replace(' ', 'T')).atZone(HUB_LOCAL).toInstant().toString();
            } catch (DateTimeParseException notLocal) {
                return null;
            }
        }
    }

    private static String epoch(long value) {
        if (value <= 0) {
            return null;
        }
        Instant at = value >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        return at.toString();
    }

    /** String values of an array (objects such as ModelScope tasks contribute their Name/name), at most {@code max}. */
    public static List<String> strings(JsonNode node, String field, int max) {
        JsonNode v = node == null ? null : node.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || !v.isArray()) {
            return out;
        }
        for (JsonNode e : v) {
            if (out.size() >= max) {
                break;
            }
            String s = e.isTextual() ? visible(e.asText()).trim() : null;
            if (e.isObject()) {
                s = text(e, "Name") != null ? text(e, "Name") : text(e, "name");
            }
            if (s != null && !s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    public static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    public static String shorten(String text, int max) {
        if (text == null) {
            return null;
        }
        String s = visible(text).replaceAll("\\s+", " ").trim();
        return s.isEmpty() ? null : s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Owner part of {@code owner/name}. */
    public static String owner(String id) {
        int slash = id.indexOf('/');
        return slash > 0 ? id.substring(0, slash) : null;
    }

    public static String name(String id) {
        return id.substring(id.lastIndexOf('/') + 1);
    }

    public static String endpoint(String configured) {
        return configured.trim().replaceAll("/+$", "");
    }
}
