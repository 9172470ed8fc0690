package dev.nebula.catalog.search;

import java.util.regex.Pattern;

/**
 * A short plain-text summary of a model card (README). Cards mix YAML front matter, Markdown and raw HTML; the
 * page shows the summary as text, so every tag goes, whatever it is, and nothing of the card's HTML survives.
 */
public final class CardSummary {

    public static final int MAX_CHARS = 600;

    private static final Pattern FRONT_MATTER = Pattern.compile("\\A\\s*---\\R.*?\\R---\\s*(\\R|\\z)", Pattern.DOTALL);
    private static final Pattern FENCED_CODE = Pattern.compile("(?m)^\\s*(```|~~~).*?^\\s*\\1\\s*$", Pattern.DOTALL);
    private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern SCRIPT_STYLE = Pattern.compile("(?is)<(script|style)\\b.*?</\\1\\s*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>?");
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\s*\\|.*$");
    private static final Pattern HEADING_OR_QUOTE = Pattern.compile("(?m)^\\s{0,3}(#{1,6}|>+)\\s*");
    private static final Pattern LIST_MARK = Pattern.compile("(?m)^\\s*([-*+]|\\d+\\.)\\s+");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|_|`)");
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*([-*_=]\\s*){3,}$");

    private CardSummary() {
    }

    public static String of(String card) {
        if (card == null || card.isBlank()) {
            return null;
        }
        String s = FRONT_MATTER.matcher(card).replaceFirst("");
        s = FENCED_CODE.matcher(s).replaceAll(" ");
        s = HTML_COMMENT.matcher(s).replaceAll(" ");
        s = SCRIPT_STYLE.matcher(s).replaceAll(" ");
        s = TAG.matcher(s).replaceAll(" ");
        s = s.replace("<", " ").replace(">", " ");
        s = IMAGE.matcher(s).replaceAll(" ");
        s = LINK.matcher(s).replaceAll("$1");
        s = TABLE_ROW.matcher(s).replaceAll(" ");
        s = RULE.matcher(s).replaceAll(" ");
        s = HEADING_OR_QUOTE.matcher(s).replaceAll("");
        s = LIST_MARK.matcher(s).replaceAll("");
        s = EMPHASIS.matcher(s).replaceAll("");
        s = s.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", " ").replace("&gt;", " ")
                .replace("&quot;", "\"").replace("&#39;", "'");
        return Normalize.shorten(s, MAX_CHARS);
    }
}
