package dev.nebula.sim.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nebula.sim.wire.ModelSource;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Request-body shape checks with serde + serde_path_to_error wording ("labels.team: invalid type: integer `1`,
 * expected a string at line 1 column 20"), in document order, so clients that show the 422 text see what Nebula says.
 */
final class SerdeShape {
    private static final long U32_MAX = 4_294_967_295L;

    private SerdeShape() {
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
}
