package dev.nebula.catalog.search;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CardSummaryTest {

    @Test
    void stripsFrontMatterMarkdownAndEveryHtmlTag() {
        String card = """
                ---
                license: mit
                ---
                <div align="center"><img src="x.png" onerror="alert(1)"></div>
                # Title
                Some **bold** and a [link](https://x.y) and `code`.<br/>
                <iframe src="https://evil"></iframe> <p style="x">para</p> <unclosed
                """;
        String summary = CardSummary.of(card);
        // an unclosed tag is dropped with everything after it rather than risk leaking markup
        assertEquals("Title Some bold and a link and code. para", summary);
        assertFalse(summary.contains("<"));
    }

    @Test
    void isShortAndNullForEmptyCards() {
        assertTrue(CardSummary.of("word ".repeat(1000)).length() <= CardSummary.MAX_CHARS);
        assertNull(CardSummary.of("---\nlicense: mit\n---\n"));
        assertNull(CardSummary.of(null));
    }

    /**
     * Cards anyone can publish, shaped to make backtracking or rescanning parsers quadratic. A regex-based summary
     * took seconds on 50 KB of these; each is 1 MB here and must still give its summary (surefire's run would hang
     * for hours on a quadratic parser, so a slow implementation fails this suite rather than passing it slowly).
     */
    @Test
    void craftedCardsAreSummarisedInOnePass() {
        String[] hostile = {
                "<!--".repeat(250_000),
                "```\n~~~\n".repeat(125_000),
                "[a](".repeat(250_000),
                "![".repeat(500_000),
                "<script".repeat(150_000),
                "---\n" + "x: y\n".repeat(200_000),
                "*_`".repeat(350_000),
                "| a |\n".repeat(150_000),
        };
        for (String card : hostile) {
            String summary = CardSummary.of("Intro text. " + card);
            assertTrue(summary == null || summary.length() <= CardSummary.MAX_CHARS, summary);
        }
        assertEquals("Intro text.", CardSummary.of("Intro text. " + "<!--".repeat(250_000)));
    }

    @Test
    void onlyTheCardsOpeningIsRead() {
        // whatever sits beyond the first 64 KB never reaches the summary, however little text comes before it
        String card = "<!-- " + "x".repeat(CardSummary.MAX_INPUT) + " --> Hidden beyond the cap.";
        assertNull(CardSummary.of(card));
        assertEquals("Visible", CardSummary.of("Visible <!-- " + "x".repeat(CardSummary.MAX_INPUT) + " --> hidden"));
    }

    @Test
    void keepsIdentifiersAndLinkText() {
        assertEquals("Use model_name with the docs and Qwen2.5.",
                CardSummary.of("Use `model_name` with the [docs](https://x.y/a_(b)) and ![logo](l.png) **Qwen2.5**."));
        assertEquals("Steps: one 3.5 GB two", CardSummary.of("Steps:\n1. one\n3.5 GB\n- two"));
    }
}
