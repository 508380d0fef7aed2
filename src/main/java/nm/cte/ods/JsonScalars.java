package nm.cte.ods;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The scalar fields of a JSON object as text, read with Jackson's streaming parser: the discovery document and the
 * token's answer are read as a process starts and its first run opens, where Jackson's data binding would cost a cold
 * JVM about 0.15 s of CPU for a handful of strings (the streaming parser 0.03 s).
 */
final class JsonScalars {

    static final JsonFactory JSON = new JsonFactory();

    private JsonScalars() {
    }

    /** What to do with a field whose value is an object or an array, the parser standing at its start. */
    @FunctionalInterface
    interface Nested {
        void read(String name, JsonToken start, JsonParser parser) throws IOException;
    }

    /** The top-level scalars of the JSON object in body; null when body is not a JSON object. */
    static Map<String, String> of(String body) {
        try (JsonParser parser = JSON.createParser(body)) {
            return parser.nextToken() == JsonToken.START_OBJECT ? of(parser, false, JsonScalars::skip) : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    /**
     * The fields of the object whose start the parser stands at, up to its end: its strings, or all its scalars as text
     * (a JSON null as absent); each object or array is nested's to read, or skip.
     */
    static Map<String, String> of(JsonParser parser, boolean stringsOnly, Nested nested) throws IOException {
        Map<String, String> fields = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value.isStructStart()) {
                nested.read(name, value, parser);
            } else if (value == JsonToken.VALUE_STRING || !stringsOnly && value != JsonToken.VALUE_NULL) {
                fields.put(name, parser.getValueAsString());
            }
        }
        return fields;
    }

    /** Leaves out an object or an array. */
    static void skip(String name, JsonToken start, JsonParser parser) throws IOException {
        parser.skipChildren();
    }
}
