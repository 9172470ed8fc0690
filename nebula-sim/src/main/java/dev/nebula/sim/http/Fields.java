package dev.nebula.sim.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nebula.sim.wire.ModelConfig;
import dev.nebula.sim.wire.ModelSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request body that {@link SerdeShape} validated. Absent and null are the same for optional fields, as upstream. */
final class Fields {
    private final Map<String, JsonNode> values;

    Fields(Map<String, JsonNode> values) {
        this.values = values;
    }

    // Accessors: values were validated, so these only convert; null means absent or null.

    String string(String name) {
        JsonNode v = values.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    Long number(String name) {
        JsonNode v = values.get(name);
        return v == null || v.isNull() ? null : v.asLong();
    }

    Boolean bool(String name) {
        JsonNode v = values.get(name);
        return v == null || v.isNull() ? null : v.asBoolean();
    }

    ModelSource source(String name) {
        String s = string(name);
        return s == null ? null : ModelSource.fromWire(s);
    }

    Map<String, String> stringMap(String name) {
        JsonNode v = values.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        v.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().asText()));
        return out;
    }

    List<Long> numbers(String name) {
        JsonNode v = values.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        List<Long> out = new ArrayList<>();
        v.forEach(n -> out.add(n.asLong()));
        return out;
    }

    /** An empty object {} gives a config with every key null, as upstream stores it. */
    ModelConfig config(String name) {
        JsonNode v = values.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        JsonNode lora = v.get("lora_modules");
        List<String> loras = null;
        if (lora != null && !lora.isNull()) {
            loras = new ArrayList<>();
            for (JsonNode n : lora) {
                loras.add(n.asText());
            }
        }
        return new ModelConfig(longOrNull(v, "tensor_parallel_size"),
                v.hasNonNull("gpu_memory_utilization") ? (float) v.get("gpu_memory_utilization").asDouble() : null,
                longOrNull(v, "max_model_len"), longOrNull(v, "required_vram_mb"), loras);
    }

    private static Long longOrNull(JsonNode obj, String field) {
        return obj.hasNonNull(field) ? obj.get(field).asLong() : null;
    }
}
