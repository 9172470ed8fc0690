package dev.nebula.catalog.nebula;

import java.util.regex.Pattern;

/** Nebula's model-uid rules, and its generation rule, kept identical so our uids are ones Nebula would accept. */
public final class ModelUids {

    public static final int MAX_LENGTH = 63;
    private static final Pattern VALID = Pattern.compile("^[a-z0-9][a-z0-9-]*$");

    private ModelUids() {
    }

    public static boolean valid(String uid) {
        return uid != null && uid.length() <= MAX_LENGTH && VALID.matcher(uid).matches();
    }

    /**
     * As Nebula generates one: lowercase; every character that is not ASCII [a-z0-9] becomes '-'; leading and
     * trailing '-' trimmed; runs collapsed; truncated to 63; trailing '-' trimmed again.
     * {@code Qwen/Qwen2.5-7B-Instruct} → {@code qwen-qwen2-5-7b-instruct}.
     */
    public static String fromModelId(String modelId) {
        StringBuilder out = new StringBuilder();
        for (char c : modelId.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            char next = keep ? c : '-';
            if (next == '-' && (out.isEmpty() || out.charAt(out.length() - 1) == '-')) {
                continue;
            }
            out.append(next);
        }
        String uid = trimDashes(out.toString());
        if (uid.length() > MAX_LENGTH) {
            uid = trimDashes(uid.substring(0, MAX_LENGTH));
        }
        return uid;
    }

    /** {@code base} with a short suffix, still within 63 characters: where Nebula would fail, we move aside. */
    public static String withSuffix(String base, int attempt) {
        String suffix = "-" + (attempt + 1);
        String head = base.length() + suffix.length() > MAX_LENGTH ? trimDashes(base.substring(0, MAX_LENGTH - suffix.length())) : base;
        return head + suffix;
    }

    private static String trimDashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
