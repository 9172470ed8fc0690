package dev.nebula.sim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** uid generation (§5.3), the two name-matching rules (§9, §5.5) and size derivation. */
class NamingRulesTest {

    @Test
    void generatesUidsLikeTheBff() {
        assertEquals("qwen-qwen2-5-7b-instruct", UidRules.generate("Qwen/Qwen2.5-7B-Instruct"));
        assertEquals("baai-bge-m3", UidRules.generate("BAAI/bge-m3"));
        assertEquals("a-b", UidRules.generate("--A__//b--"));
        assertEquals("", UidRules.generate("日本"));
        String longName = "x".repeat(62) + "-yz";
        assertEquals("x".repeat(62), UidRules.generate(longName), "cut to 63, then the trailing '-' trimmed");
        assertTrue(UidRules.valid("trailing-"));
        assertFalse(UidRules.valid("-lead"));
    }

    @Test
    void fuzzyMatchIsCaseInsensitiveAndCrossesOrgs() {
        assertTrue(NameMatch.fuzzy("qwen/qwen2.5-7b-instruct", "Qwen/Qwen2.5-7B-Instruct"));
        assertTrue(NameMatch.fuzzy("Qwen2.5-7B-Instruct", "Qwen/Qwen2.5-7B-Instruct"));
        assertTrue(NameMatch.fuzzy("other/bar", "foo/bar"));
        assertTrue(NameMatch.fuzzy("Qwen", "Qwen/Qwen3-0.6B"), "an org directory matches every model of the org");
        assertFalse(NameMatch.fuzzy("Qwen/Qwen2.5-7B", "Qwen/Qwen2.5-7B-Instruct"));
    }

    @Test
    void gcMatchIsCaseSensitiveAndStricter() {
        assertTrue(NameMatch.gc("Qwen/Qwen2.5-7B-Instruct", "/p", "Qwen/Qwen2.5-7B-Instruct", null));
        assertTrue(NameMatch.gc("Qwen2.5-7B-Instruct", "/p", "Qwen/Qwen2.5-7B-Instruct", null));
        assertTrue(NameMatch.gc("org/plain", "/p", "plain", null));
        assertTrue(NameMatch.gc("anything", "/DATA/Model/x", "y", "/DATA/Model/x"));
        assertFalse(NameMatch.gc("other-org/Qwen2.5-7B-Instruct", "/p", "Qwen/Qwen2.5-7B-Instruct", null));
        assertFalse(NameMatch.gc("qwen/qwen2.5-7b-instruct", "/p", "Qwen/Qwen2.5-7B-Instruct", null));
    }

    @Test
    void derivesSizesFromParameterCounts() {
        assertEquals(14_980_000_000L, ModelSizes.derive("Qwen/Qwen2.5-7B-Instruct"));
        assertEquals(1_070_000_000L, ModelSizes.derive("Qwen/Qwen2.5-0.5B-Instruct"));
        assertEquals(17_120_000_000L, ModelSizes.derive("meta-llama/Llama-3.1-8B-Instruct"));
        assertEquals(2_270_000_000L, ModelSizes.derive("BAAI/bge-m3"));
        assertEquals(2_270_000_000L, ModelSizes.derive("BAAI/bge-reranker-v2-m3"));
        assertEquals(5_000_000_000L, ModelSizes.derive("gpt2"));
        assertEquals(288_900_000L, ModelSizes.derive("HuggingFaceTB/SmolLM-135M"));
    }

    @Test
    void publishesHubLayoutNames() {
        String hf = CacheLayout.huggingFace("/DATA/Model", "Org/Name");
        assertEquals("/DATA/Model/.cache/huggingface/hub/models--Org--Name", hf);
        assertEquals("Org/Name", CacheLayout.scannedName("/DATA/Model", hf));
        assertEquals("Org/Name", CacheLayout.scannedName("/DATA/Model",
                CacheLayout.modelScope("/DATA/Model", "Org/Name")));
        assertEquals("plain", CacheLayout.scannedName("/DATA/Model", "/DATA/Model/plain"));
    }
}
