package dev.nebula.sim.wire;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** A cache entry flattened with the uids of the specs it fuzzily matches (reference §6.1). */
public record CacheEntryView(@JsonUnwrapped ModelCacheEntry entry, List<String> matchedModelUids) {
}
