package dev.nebula.sim.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The shape of a request body as serde would derive it: field kinds, required fields, and the Rust type name. */
record Schema(String typeName, Map<String, Kind> kinds, Set<String> required) {

    /** Field kinds that occur in the BFF's request types. */
    enum Kind { STRING, U32, U64, F32, BOOL, SOURCE, STRING_MAP, U32_LIST, STRING_LIST, CONFIG }

    static Builder of(String typeName) {
        return new Builder(typeName);
    }

    static final class Builder {
        private final String typeName;
        private final Map<String, Kind> kinds = new LinkedHashMap<>();
        private final java.util.Set<String> required = new java.util.HashSet<>();

        private Builder(String typeName) {
            this.typeName = typeName;
        }

        Builder opt(String name, Kind kind) {
            kinds.put(name, kind);
            return this;
        }

        Builder req(String name, Kind kind) {
            kinds.put(name, kind);
            required.add(name);
            return this;
        }

        Schema build() {
            return new Schema(typeName, Map.copyOf(kinds), Set.copyOf(required));
        }
    }

    static final Schema CONFIG = of("ModelConfig").opt("tensor_parallel_size", Kind.U32)
            .opt("gpu_memory_utilization", Kind.F32).opt("max_model_len", Kind.U32)
            .opt("required_vram_mb", Kind.U64).opt("lora_modules", Kind.STRING_LIST).build();
}
