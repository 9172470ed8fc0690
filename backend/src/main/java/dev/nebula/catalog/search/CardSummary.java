package dev.nebula.catalog.search;

/**
 * A short plain-text summary of a model card (README). Cards mix YAML front matter, Markdown and raw HTML; the page
 * shows the summary as text, so every tag goes, whatever it is, and nothing of the card's HTML survives.
 *
 * <p>Anyone can publish a card, so this is written for hostile input: it reads at most {@link #MAX_INPUT} characters,
 * makes one forward pass over lines and one over characters (every look-ahead either consumes what it scans or is
 * bounded by {@link #MAX_LOOKAHEAD}), and stops as soon as the summary is full. Regexes with lazy quantifiers over
 * the whole card took seconds on crafted cards of 50 KB.
 */
public final class CardSummary {

    public static final int MAX_CHARS = 600;
    /** Cards beyond this are cut before any work; the summary comes from the card's opening anyway. */
    public static final int MAX_INPUT = 64 * 1024;
    /** How far a link or image looks for its closing bracket and parenthesis. */
    private static final int MAX_LOOKAHEAD = 2048;

    private CardSummary() {
    }

    public static String of(String card) {
        if (card == null || card.isBlank()) {
            return null;
        }
        String text = card.length() > MAX_INPUT ? card.substring(0, MAX_INPUT) : card;
        return Normalize.shorten(inline(blocks(text)), MAX_CHARS);
    }

    /** Line-level Markdown: front matter, fenced code, tables and rules go; heading, quote and list marks go. */
    private static String blocks(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 16 * 1024));
        String[] lines = text.split("\\R", -1);
        int i = skipFrontMatter(lines);
        String fence = null;
        for (; i < lines.length && out.length() < MAX_CHARS * 32; i++) {
            String line = lines[i].strip();
            if (fence != null) {
                if (line.startsWith(fence) && line.substring(fence.length()).isBlank()) {
                    fence = null;
                }
                continue;
            }
            if (line.startsWith("```") || line.startsWith("~~~")) {
                fence = line.substring(0, 3);
                continue;
            }
            if (line.startsWith("|") || isRule(line)) {
                continue;
            }
            out.append(stripMarks(line)).append('\n');
        }
        return out.toString();
    }

    private static int skipFrontMatter(String[] lines) {
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first >= lines.length || !lines[first].strip().equals("---")) {
            return 0;
        }
        for (int i = first + 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---")) {
                return i + 1;
            }
        }
        return 0;
    }

    private static boolean isRule(String line) {
        int marks = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '-' || c == '*' || c == '_' || c == '=') {
                marks++;
            } else if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return marks >= 3;
    }

    /** Leading heading ({@code #}), quote ({@code >}) and list ({@code -}, {@code 1.}) marks. */
    private static String stripMarks(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == '#' || line.charAt(i) == '>')) {
            i++;
        }
        int digits = i;
        while (digits < line.length() && Character.isDigit(line.charAt(digits))) {
            digits++;
        }
        boolean listMark = i < line.length() && "-*+".indexOf(line.charAt(i)) >= 0
                || digits > i && digits < line.length() && line.charAt(digits) == '.';
        int after = listMark ? (digits > i ? digits + 1 : i + 1) : i;
        if (listMark && (after >= line.length() || !Character.isWhitespace(line.charAt(after)))) {
            after = i; // "-word" or "3.5" is text, not a list
        }
        return line.substring(after).strip();
    }

    /** Character-level: HTML (comments, script and style bodies, tags), links, images, emphasis, entities. */
    private static String inline(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_CHARS * 2));
        int i = 0;
        int n = s.length();
        while (i < n && out.length() < MAX_CHARS * 2) {
            char c = s.charAt(i);
            if (c == '<') {
                i = skipHtml(s, i);
                out.append(' ');
            } else if (c == '>') {
                out.append(' ');
                i++;
            } else if (c == '!' && i + 1 < n && s.charAt(i + 1) == '[' && linkEnd(s, i + 1) > 0) {
                i = linkEnd(s, i + 1);
                out.append(' ');
            } else if (c == '[' && linkEnd(s, i) > 0) {
                int end = linkEnd(s, i);
                out.append(inline(s.substring(i + 1, s.indexOf(']', i))));
                i = end;
            } else if (c == '*' || c == '`' || c == '_' && !insideWord(s, i)) {
                i++;
            } else if (c == '&') {
                i = entity(s, i, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Index after the HTML construct at {@code start}; an unclosed one runs to the end, so no markup leaks. */
    private static int skipHtml(String s, int start) {
        if (s.startsWith("<!--", start)) {
            int end = s.indexOf("-->", start + 4);
            return end < 0 ? s.length() : end + 3;
        }
        for (String raw : new String[] {"script", "style"}) {
            if (s.regionMatches(true, start + 1, raw, 0, raw.length())) {
                int close = indexOfIgnoreCase(s, "</" + raw, start);
                int end = close < 0 ? -1 : s.indexOf('>', close);
                return end < 0 ? s.length() : end + 1;
            }
        }
        int end = s.indexOf('>', start);
        return end < 0 ? s.length() : end + 1;
    }

    /** For {@code [text](target)} at {@code open}: the index after {@code )}, or -1 when it is not a link. */
    private static int linkEnd(String s, int open) {
        int limit = Math.min(s.length(), open + MAX_LOOKAHEAD);
        int close = -1;
        for (int i = open + 1; i < limit; i++) {
            char c = s.charAt(i);
            if (c == ']') {
                close = i;
                break;
            }
            if (c == '[' || c == '\n') {
                return -1;
            }
        }
        if (close < 0 || close + 1 >= s.length() || s.charAt(close + 1) != '(') {
            return -1;
        }
        int depth = 0; // URLs may hold balanced parentheses: wiki/Foo_(bar)
        for (int i = close + 2; i < limit + MAX_LOOKAHEAD && i < s.length(); i++) {
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')' && depth-- == 0) {
                return i + 1;
            }
            if (s.charAt(i) == '\n' || s.charAt(i) == '[') {
                return -1; // stopping at the next '[' keeps the scans of consecutive links from overlapping
            }
        }
        return -1;
    }

    private static boolean insideWord(String s, int i) {
        return i > 0 && i + 1 < s.length() && Character.isLetterOrDigit(s.charAt(i - 1))
                && Character.isLetterOrDigit(s.charAt(i + 1));
    }

    private static int entity(String s, int i, StringBuilder out) {
        String[][] known = {{"&nbsp;", " "}, {"&amp;", "&"}, {"&lt;", " "}, {"&gt;", " "}, {"&quot;", "\""}, {"&#39;", "'"}};
        for (String[] e : known) {
            if (s.startsWith(e[0], i)) {
                out.append(e[1]);
                return i + e[0].length();
            }
        }
        out.append('&');
        return i + 1;
    }

    private static int indexOfIgnoreCase(String s, String needle, int from) {
        for (int i = from; i + needle.length() <= s.length(); i++) {
            if (s.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }
}
