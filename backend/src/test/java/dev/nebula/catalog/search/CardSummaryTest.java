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
}
