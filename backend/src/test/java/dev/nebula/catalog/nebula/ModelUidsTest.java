package dev.nebula.catalog.nebula;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelUidsTest {

    @Test
    void generatesUidsTheWayNebulaDoes() {
        assertEquals("qwen-qwen2-5-7b-instruct", ModelUids.fromModelId("Qwen/Qwen2.5-7B-Instruct"));
        assertEquals("baai-bge-m3", ModelUids.fromModelId("BAAI/bge-m3"));
        assertEquals("a-b", ModelUids.fromModelId("--A__/..B--"));
        String longId = "org/" + "x".repeat(80);
        assertEquals(63, ModelUids.fromModelId(longId).length());
    }

    @Test
    void suffixesStayWithin63CharactersAndValid() {
        assertEquals("qwen-2", ModelUids.withSuffix("qwen", 1));
        String base = "a".repeat(63);
        String suffixed = ModelUids.withSuffix(base, 1);
        assertEquals(63, suffixed.length());
        assertTrue(suffixed.endsWith("-2"));
        assertTrue(ModelUids.valid(suffixed));
    }

    @Test
    void validatesLikeNebula() {
        assertTrue(ModelUids.valid("qwen-7b-"));
        assertFalse(ModelUids.valid("-qwen"));
        assertFalse(ModelUids.valid("Qwen"));
        assertFalse(ModelUids.valid(""));
        assertFalse(ModelUids.valid("a".repeat(64)));
    }
}
