package nm.cte.ods;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fields of an Ed-Fi API's discovery document that decide a run's endpoints, read as {@link JsonScalars} reads a
 * token's answer.
 *
 * @param fields     the document's top-level scalars as text ("apiMode", "version", "suite"...)
 * @param urls       its "urls" object's strings; null when it has no "urls" object
 * @param dataModels its "dataModels" entries' scalars as text ("name", "version")
 */
record DiscoveryDocument(Map<String, String> fields, Map<String, String> urls, List<Map<String, String>> dataModels) {

    /** The document in body, null when it is not a JSON object. */
    static DiscoveryDocument parse(String body) {
        try (JsonParser parser = JsonScalars.JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            AtomicReference<Map<String, String>> urls = new AtomicReference<>();
            List<Map<String, String>> dataModels = new ArrayList<>();
            Map<String, String> fields = JsonScalars.of(parser, false, (name, start, nested) -> {
                if (name.equals("urls") && start == JsonToken.START_OBJECT) {
                    urls.set(JsonScalars.of(nested, true, JsonScalars::skip));
                } else if (name.equals("dataModels") && start == JsonToken.START_ARRAY) {
                    while (nested.nextToken() != JsonToken.END_ARRAY) {
                        if (nested.currentToken() == JsonToken.START_OBJECT) {
                            dataModels.add(JsonScalars.of(nested, false, JsonScalars::skip));
                        } else {
                            nested.skipChildren();
                        }
                    }
                } else {
                    nested.skipChildren();
                }
            });
            return new DiscoveryDocument(fields, urls.get(), dataModels);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** A top-level field as text; absent when missing, null or not a scalar. */
    String text(String field, String absent) {
        return fields.getOrDefault(field, absent);
    }
}
