package dev.nebula.catalog.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NormalizeTest {

    private static JsonNode node(String json) throws Exception {
        return new ObjectMapper().readTree(json);
    }

    @Test
    void timestampsOfEveryHubShapeBecomeUtcIso() throws Exception {
        JsonNode n = node("""
                {"unix":1736647987,"millis":1736647987000,"iso":"2025-01-12T02:10:10.000Z","offset":"2025-01-12T10:13:07+08:00",
                 "naive":"2025-01-12 10:13:07","naiveT":"2025-01-12T10:13:07","text":"1736647987","zero":0,"junk":"yesterday",
                 "nul":null}""");
        assertEquals("2025-01-12T02:13:07Z", Normalize.timestamp(n, "unix"));
        assertEquals("2025-01-12T02:13:07Z", Normalize.timestamp(n, "millis"));
        assertEquals("2025-01-12T02:10:10Z", Normalize.timestamp(n, "iso"));
        assertEquals("2025-01-12T02:13:07Z", Normalize.timestamp(n, "offset"));
        assertEquals("2025-01-12T02:13:07Z", Normalize.timestamp(n, "naive"), "naive means Asia/Shanghai");
        assertEquals("2025-01-12T02:13:07Z", Normalize.timestamp(n, "naiveT"));
        assertEquals("2025-01-12T02:13:07Z", Normalize.timestamp(n, "text"));
        assertNull(Normalize.timestamp(n, "zero"));
        assertNull(Normalize.timestamp(n, "junk"));
        assertNull(Normalize.timestamp(n, "nul"));
        assertNull(Normalize.timestamp(n, "absent"));
    }

    @Test
    void countsAre64BitAndTolerateStringsButNotJunk() throws Exception {
        JsonNode n = node("{\"big\":122878330928,\"s\":\"42\",\"neg\":-1,\"junk\":\"many\",\"obj\":{}}");
        assertEquals(122878330928L, Normalize.count(n, "big"));
        assertEquals(42L, Normalize.count(n, "s"));
        assertNull(Normalize.count(n, "neg"));
        assertNull(Normalize.count(n, "junk"));
        assertNull(Normalize.count(n, "obj"));
        assertNull(Normalize.count(n, "absent"));
    }

    @Test
    void tasksMayBeStringsOrObjects() throws Exception {
        JsonNode n = node("{\"a\":[\"text-generation\"],\"b\":[{\"Name\":\"fill-mask\",\"ChineseName\":\"x\"}],\"c\":null}");
        assertEquals("text-generation", Normalize.first(Normalize.strings(n, "a", 1)));
        assertEquals("fill-mask", Normalize.first(Normalize.strings(n, "b", 1)));
        assertNull(Normalize.first(Normalize.strings(n, "c", 1)));
    }

    @Test
    void bidiControlsFromHubTextNeverReachThePage() throws Exception {
        // "evil\u202Egnp.exe" renders as "evilexe.png": the override would make a hub string lie about itself
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"name\":\"evil\\u202Egnp.exe\",\"tags\":[\"\\u2067rtl\\u2069\"]}");
        org.junit.jupiter.api.Assertions.assertEquals("evilgnp.exe", Normalize.text(node, "name"));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("rtl"), Normalize.strings(node, "tags", 5));
        org.junit.jupiter.api.Assertions.assertEquals("a b", Normalize.shorten("a\u200F \u202Bb", 10));
        org.junit.jupiter.api.Assertions.assertEquals("Hello world", CardSummary.of("# Hello \u202Eworld"));
    }
}
