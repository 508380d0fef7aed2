package nm.cte.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads application/x-www-form-urlencoded text, as query strings and token request forms are written. */
final class UrlEncoded {

    private UrlEncoded() {
    }

    /** The fields by name; a name given twice keeps its first value. */
    static Map<String, String> parse(String raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return fields;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            if (!name.isEmpty()) {
                fields.putIfAbsent(decode(name), decode(value));
            }
        }
        return fields;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
