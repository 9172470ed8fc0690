package dev.nebula.catalog.inventory;

import dev.nebula.catalog.inventory.InventoryApi.Progress;
import dev.nebula.catalog.nebula.NebulaDtos.CacheEntry;
import dev.nebula.catalog.nebula.NebulaDtos.DownloadProgress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The join and progress rules without Nebula. */
class CacheJoinTest {

    static CacheEntry entry(String node, String name, String path, boolean complete, long size) {
        return new CacheEntry(node, name, path, size, 10, complete, 1, 1, List.of());
    }

    @Test
    void readsTheModelIdFromTheHubLayouts() {
        assertEquals("Qwen/Qwen2.5-7B-Instruct", CachePaths.origin(entry("n", "x",
                "/DATA/Model/.cache/huggingface/hub/models--Qwen--Qwen2.5-7B-Instruct", true, 1)).modelId());
        CachePaths.Origin ms = CachePaths.origin(entry("n", "x", "/DATA/Model/.cache/modelscope/hub/BAAI/bge-m3", true, 1));
        assertEquals("modelscope", ms.source());
        assertEquals("BAAI/bge-m3", ms.modelId());
        CachePaths.Origin plain = CachePaths.origin(entry("n", "x", "/DATA/Model/support-bot-7b", true, 1));
        assertEquals("local", plain.source());
        assertEquals("support-bot-7b", plain.modelId());
    }

    @Test
    void joinsByExactIdAndNeverAcrossOrganisations() {
        List<CacheJoin.Spec> specs = List.of(new CacheJoin.Spec("q", "Qwen/Qwen2.5-7B-Instruct", null));
        CacheEntry own = entry("n1", "Qwen/Qwen2.5-7B-Instruct", "/D/.cache/huggingface/hub/models--Qwen--Qwen2.5-7B-Instruct", true, 1);
        CacheEntry other = entry("n3", "other-org/Qwen2.5-7B-Instruct", "/D/.cache/huggingface/hub/models--other-org--Qwen2.5-7B-Instruct", true, 1);
        CacheEntry plain = entry("n1", "Qwen2.5-7B-Instruct", "/D/Qwen2.5-7B-Instruct", true, 1);
        CacheJoin.Result r = CacheJoin.join(specs, List.of(own, other, plain));
        assertEquals(List.of(own, plain), r.byUid().get("q"));
        assertEquals(List.of(other), r.cacheOnly().get("huggingface:other-org/Qwen2.5-7B-Instruct"));
    }

    @Test
    void leavesAnAmbiguousPlainDirectoryUnjoined() {
        List<CacheJoin.Spec> specs = List.of(new CacheJoin.Spec("a", "Qwen/X-7B", null), new CacheJoin.Spec("b", "acme/X-7B", null));
        CacheJoin.Result r = CacheJoin.join(specs, List.of(entry("n", "X-7B", "/D/X-7B", true, 1)));
        assertTrue(r.byUid().isEmpty());
        assertEquals(1, r.cacheOnly().size());
    }

    @Test
    void joinsALocalModelByItsPath() {
        List<CacheJoin.Spec> specs = List.of(new CacheJoin.Spec("bot", "acme/support-bot-7b", "/DATA/Model/support-bot-7b"),
                new CacheJoin.Spec("other", "someone/support-bot-7b", null));
        CacheJoin.Result r = CacheJoin.join(specs, List.of(entry("n", "support-bot-7b", "/DATA/Model/support-bot-7b", true, 1)));
        assertEquals(1, r.byUid().get("bot").size());
        assertNull(r.byUid().get("other"));
    }

    @Test
    void progressNeverInventsAPercentAndNeverExceeds100() {
        DownloadSamples samples = new DownloadSamples();
        DownloadProgress first = new DownloadProgress("m", 0, "n", "x", "downloading", 0, 1_000, 0, 1, 1_000);
        DownloadProgress second = new DownloadProgress("m", 0, "n", "x", "downloading", 0, 3_000, 0, 2, 2_000);
        assertNull(ProgressBuilder.build("m", List.of(first), null, samples).percent());
        Progress p = ProgressBuilder.build("m", List.of(second), null, samples);
        assertNull(p.percent());
        assertFalse(p.total_known());
        assertEquals(2_000L, p.speed_bytes_per_sec());
        assertNull(p.eta_seconds());
        Progress over = ProgressBuilder.build("m", List.of(new DownloadProgress("m", 0, "n", "x", "downloading", 0, 9_000, 0, 3, 3_000)), 5_000L, samples);
        assertEquals(100.0, over.percent());
        Progress known = ProgressBuilder.build("m2", List.of(first), 4_000L, new DownloadSamples());
        assertEquals(25.0, known.percent());
        assertNotNull(known.total_bytes());
    }

    @Test
    void aFailedRecordReportsTheBytesLastSeenNotItsZeroedCounters() {
        DownloadSamples samples = new DownloadSamples();
        ProgressBuilder.build("m", List.of(new DownloadProgress("m", 0, "n", "x", "downloading", 0, 7_000, 0, 3, 1_000)), null, samples);
        Progress failed = ProgressBuilder.build("m", List.of(new DownloadProgress("m", 0, "n", "x", "failed", 0, 0, 0, 0, 2_000)), null, samples);
        assertEquals("failed", failed.phase());
        assertEquals(7_000L, failed.downloaded_bytes());
    }
}
