package dev.nebula.sim.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.nebula.sim.wire.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Axum's {@code Json<T>} extractor: 415 without a JSON content type, 400 when the bytes are not JSON (an empty body
 * included), 422 when the JSON has the wrong shape. All three answer text/plain, before any role check.
 */
final class JsonBody {
    static final String PARSE = "Failed to parse the request body as JSON: ";
    static final String SHAPE = "Failed to deserialize the JSON body into the target type: ";

    private JsonBody() {
    }

    /** Reads a JSON object body and validates it against {@code schema}, in document order like serde. */
    static Fields read(Call call, Schema schema) {
        if (!isJson(call.header("Content-Type"))) {
            throw Errors.plain(415, "Expected request with `Content-Type: application/json`");
        }
        try (JsonParser p = Json.MAPPER.getFactory().createParser(call.body)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw Errors.plain(400, PARSE + "EOF while parsing a value at line 1 column 0");
            }
            if (first != JsonToken.START_OBJECT) {
                JsonNode value = p.readValueAsTree();
                rejectTrailing(p);
                throw Errors.plain(422, SHAPE + "invalid type: " + SerdeShape.describe(value) + ", expected struct "
                        + schema.typeName() + at(p.currentLocation()));
            }
            Map<String, JsonNode> values = new LinkedHashMap<>();
            Map<String, String> where = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                JsonNode value = p.readValueAsTree();
                String loc = at(p.currentLocation());
                if (values.containsKey(name) && schema.kinds().containsKey(name)) {
                    throw Errors.plain(422, SHAPE + "duplicate field `" + name + "`" + loc);
                }
                values.put(name, value);
                where.put(name, loc);
            }
            String end = at(p.currentLocation());
            rejectTrailing(p);
            return SerdeShape.validate(schema, values, where, end);
        } catch (JsonProcessingException e) {
            throw Errors.plain(400, PARSE + e.getOriginalMessage().toLowerCase(Locale.ROOT).split("\n")[0]
                    + at(e.getLocation()));
        } catch (IOException e) {
            throw Errors.plain(400, PARSE + e.getMessage());
        }
    }

    /** Axum accepts application/json and any application/*+json, with parameters. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mime = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return mime.equals("application/json") || (mime.startsWith("application/") && mime.endsWith("+json"));
    }

    private static void rejectTrailing(JsonParser p) throws IOException {
        if (p.nextToken() != null) {
            throw Errors.plain(400, PARSE + "trailing characters" + at(p.currentTokenLocation()));
        }
    }

    /** serde reports the column of the last character it consumed. */
    private static String at(JsonLocation loc) {
        if (loc == null) {
            return "";
        }
        return " at line " + loc.getLineNr() + " column " + Math.max(0, loc.getColumnNr() - 1);
    }
}
