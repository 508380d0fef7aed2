package nm.cte.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One problem found in a body: its text as {@code EdFiSchema} words it ("/pointer: message"), and the JSON path by
 * which ODS/API 7.x keys it in {@code validationErrors}.
 */
record SchemaProblem(String text, String jsonPath, String message) {

    // EdFiSchema joins its problems with "; ": split only where the next problem's "/pointer: " begins
    private static final Pattern SEPARATOR = Pattern.compile("; (?=(?:/[^:;]*)?: )");
    private static final Pattern REQUIRED = Pattern.compile("required property '([^']+)' not found");

    static List<SchemaProblem> parse(String problems) {
        List<SchemaProblem> parsed = new ArrayList<>();
        for (String text : SEPARATOR.split(problems)) {
            parsed.add(of(text));
        }
        return parsed;
    }

    /** A property that must be there and is not, worded as EdFiSchema words it. */
    static SchemaProblem required(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return of(pointer.substring(0, slash) + ": required property '" + pointer.substring(slash + 1) + "' not found");
    }

    private static SchemaProblem of(String text) {
        int colon = text.indexOf(": ");
        String pointer = colon < 0 ? "" : text.substring(0, colon);
        String message = colon < 0 ? text : text.substring(colon + 2);
        Matcher required = REQUIRED.matcher(message);
        if (required.matches()) {
            // the ODS keys a missing property by its own path, not by its parent's
            pointer = pointer + "/" + required.group(1);
        }
        return new SchemaProblem(text, jsonPath(pointer), message);
    }

    /** "/ctePrograms/0/cipCode" becomes "$.ctePrograms[0].cipCode". */
    private static String jsonPath(String pointer) {
        StringBuilder path = new StringBuilder("$");
        for (String segment : pointer.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.chars().allMatch(Character::isDigit)) {
                path.append('[').append(segment).append(']');
            } else {
                path.append('.').append(segment);
            }
        }
        return path.toString();
    }
}
