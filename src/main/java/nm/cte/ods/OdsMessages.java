package nm.cte.ods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The ODS's own words from an error body, in both shapes it uses: {@code {"message"}} of ODS/API 5.x and 6.x, and the
 * problem+json of 7.x (detail, validationErrors, errors).
 */
public final class OdsMessages {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int LONGEST = 1_000;

    private OdsMessages() {
    }

    public static String of(int status, String body) {
        if (body == null || body.isBlank()) {
            return "HTTP " + status;
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(body);
        } catch (IOException notJson) {
            return shortened(body);
        }
        List<String> parts = new ArrayList<>();
        for (String field : List.of("message", "detail", "error", "error_description")) {
            if (json.path(field).isTextual()) {
                parts.add(json.get(field).asText());
            }
        }
        addProblemsByPath(json.path("validationErrors"), parts);
        addProblemsByPath(json.path("modelState"), parts);
        json.path("errors").forEach(error -> parts.add(error.asText()));
        return shortened(parts.isEmpty() ? body : String.join(" ", parts));
    }

    /** validationErrors (7.x) and modelState (5.x, 6.x) both map a JSON path to its problems. */
    private static void addProblemsByPath(JsonNode byPath, List<String> parts) {
        byPath.properties().forEach(field -> field.getValue().forEach(problem -> parts.add(field.getKey() + ": " + problem.asText())));
    }

    private static String shortened(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= LONGEST ? oneLine : oneLine.substring(0, LONGEST) + "...";
    }
}
