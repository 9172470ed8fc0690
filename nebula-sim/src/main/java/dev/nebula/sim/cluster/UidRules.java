package dev.nebula.sim.cluster;

import java.util.Locale;
import java.util.regex.Pattern;

/** Model uid validation and generation exactly as bff/handlers_v2.rs does it (reference §5.3). */
public final class UidRules {
    private static final Pattern VALID = Pattern.compile("^[a-z0-9][a-z0-9-]*$");

    private UidRules() {
    }

    /** A supplied uid: the pattern and at most 63 bytes; a trailing '-' is allowed. */
    public static boolean valid(String uid) {
        return uid.length() <= 63 && VALID.matcher(uid).matches();
    }

    /**
     * Lowercase, map every char outside ASCII [a-z0-9] to '-', trim '-', collapse runs, cut to 63, trim a trailing
     * '-' again. The result is not re-validated, so a name without ASCII alphanumerics yields "" (as upstream).
     */
    public static String generate(String modelName) {
        StringBuilder mapped = new StringBuilder();
        modelName.toLowerCase(Locale.ROOT).codePoints().forEach(cp ->
                mapped.append((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') ? (char) cp : '-'));
        String s = trimDashes(mapped.toString()).replaceAll("-{2,}", "-");
        if (s.length() > 63) {
            s = s.substring(0, 63);
        }
        while (s.endsWith("-")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
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
