package dev.nebula.sim.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nebula.sim.wire.ModelConfig;
import dev.nebula.sim.wire.ModelSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated request body. Validation mimics serde + serde_path_to_error messages ("labels.team: invalid type:
 * integer `1`, expected a string at line 1 column 20") so clients that show the text see what Nebula says. Absent and
 * null are the same for optional fields, as upstream.
 */
final class Fields {
    private static final long U32_MAX = 4_294_967_295L;

    private final Map<String, JsonNode> values;

    private Fields(Map<String, JsonNode> values) {
        this.values = values;
    }

    static Fields validate(Schema schema, Map<String, JsonNode> values, Map<String, String> where, String end) {
        for (Map.Entry<String, JsonNode> e : values.entrySet()) {
            Schema.Kind kind = schema.kinds().get(e.getKey());
            if (kind != null) {
                String problem = check(e.getKey(), kind, e.getValue(), !schema.required().contains(e.getKey()));
                if (problem != null) {
                    throw Errors.plain(422, JsonBody.SHAPE + problem + where.get(e.getKey()));
                }
            }
        }
        for (String name : schema.kinds().keySet()) {
            if (schema.required().contains(name) && !values.containsKey(name)) {
                throw Errors.plain(422, JsonBody.SHAPE + "missing field `" + name + "`" + end);
            }
        }
        return new Fields(values);
    }

    /** Returns "path: message" for a bad value, or null. */
    private static String check(String path, Schema.Kind kind, JsonNode v, boolean optional) {
        if (v.isNull() && optional) {
            return null;
        }
        switch (kind) {
            case STRING:
                return v.isTextual() ? null : mismatch(path, v, "a string");
            case BOOL:
                return v.isBoolean() ? null : mismatch(path, v, "a boolean");
            case F32:
                return v.isNumber() ? null : mismatch(path, v, "f32");
            case U32:
            case U64:
                return unsigned(path, v, kind == Schema.Kind.U32 ? "u32" : "u64");
            case SOURCE:
                if (!v.isTextual()) {
                    return mismatch(path, v, "enum ModelSource");
                }
                return ModelSource.fromWire(v.asText()) != null ? null : path + ": unknown variant `" + v.asText()
                        + "`, expected one of `hugging_face`, `model_scope`, `local`";
            case STRING_MAP:
                return container(path, v, v.isObject(), "a map", Schema.Kind.STRING, true);
            case U32_LIST:
                return container(path, v, v.isArray(), "a sequence", Schema.Kind.U32, false);
            case STRING_LIST:
                return container(path, v, v.isArray(), "a sequence", Schema.Kind.STRING, false);
            case CONFIG:
                if (!v.isObject()) {
                    return mismatch(path, v, "struct ModelConfig");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    Schema.Kind k = Schema.CONFIG.kinds().get(f.getKey());
                    String p = k == null ? null : check(path + "." + f.getKey(), k, f.getValue(), true);
                    if (p != null) {
                        return p;
                    }
                }
                return null;
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    private static String container(String path, JsonNode v, boolean shapeOk, String expected, Schema.Kind item,
                                    boolean keyed) {
        if (!shapeOk) {
            return mismatch(path, v, expected);
        }
        int i = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); keyed && it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String p = check(path + "." + f.getKey(), item, f.getValue(), false);
            if (p != null) {
                return p;
            }
        }
        for (JsonNode element : keyed ? List.<JsonNode>of() : v) {
            String p = check(path + "[" + i++ + "]", item, element, false);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static String unsigned(String path, JsonNode v, String type) {
        if (!v.isIntegralNumber()) {
            return mismatch(path, v, type);
        }
        if (v.canConvertToLong() && v.asLong() >= 0 && ("u64".equals(type) || v.asLong() <= U32_MAX)) {
            return null;
        }
        return path + ": invalid value: integer `" + v.asText() + "`, expected " + type;
    }

    private static String mismatch(String path, JsonNode v, String expected) {
        return path + ": invalid type: " + describe(v) + ", expected " + expected;
    }

    /** serde's {@code Unexpected} wording. */
    static String describe(JsonNode v) {
        if (v.isNull()) {
            return "null";
        } else if (v.isBoolean()) {
            return "boolean `" + v.asText() + "`";
        } else if (v.isIntegralNumber()) {
            return "integer `" + v.asText() + "`";
        } else if (v.isNumber()) {
            return "floating point `" + v.asText() + "`";
        } else if (v.isTextual()) {
            return "string \"" + v.asText() + "\"";
        }
        return v.isArray() ? "sequence" : "map";
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
