package nm.cte.ods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The API's own words from an error body, in the shapes Ed-Fi APIs use: {@code {"message"}} of ODS/API 5.x and 6.x,
 * the problem+json of 7.x and the DMS (detail, validationErrors, errors), Meadowlark's {@code {"error"}} (a text, a
 * list of problems, or a message with the failures of its reference validation) and OAuth's error_description.
 */
public final class OdsMessages {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int LONGEST = 1_000;

    private OdsMessages() {
    }

    /** The body's words on one line, at most 1,000 characters; "HTTP 409" for an empty body. */
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
        addMeadowlarkError(json.path("error"), parts);
        addProblemsByPath(json.path("validationErrors"), parts);
        addProblemsByPath(json.path("modelState"), parts);
        json.path("errors").forEach(error -> parts.add(error.asText()));
        return shortened(parts.isEmpty() ? body : String.join(" ", parts));
    }

    /**
     * Meadowlark: {"error": {"message": "Reference validation failed", "failures": [{"resourceName", "identity"}]}}
     * or {"error": [{"message", "path"}, ...]}; a plain text error is read with the other fields.
     */
    private static void addMeadowlarkError(JsonNode error, List<String> parts) {
        if (error.isObject()) {
            List<String> failures = new ArrayList<>();
            error.path("failures").forEach(failure -> failures.add(failure.isObject()
                    ? failure.path("resourceName").asText("") + " " + failure.path("identity")
                    : failure.asText()));
            String message = error.path("message").asText("");
            parts.add(failures.isEmpty() ? message : message + ": " + String.join("; ", failures));
        } else if (error.isArray()) {
            error.forEach(problem -> parts.add(problem.isObject()
                    ? (problem.path("path").isTextual() ? problem.get("path").asText() + ": " : "")
                            + problem.path("message").asText(problem.toString())
                    : problem.asText()));
        }
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
