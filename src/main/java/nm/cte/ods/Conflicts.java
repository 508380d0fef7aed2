package nm.cte.ods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nm.cte.domain.Reason;

/**
 * Reads a 409 by what it means rather than by one server's wording: a reference to a Student or a Program the API
 * does not hold is a DEPENDENCY (E10, D11), in the words of ODS/API 5.x/6.x, 7.x, the DMS or Meadowlark.
 */
public final class Conflicts {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** ODS/API 5.x/6.x quote the resource: 'Student' was not found, the related 'program' resource. */
    private static final Pattern QUOTED = Pattern.compile("'(student|program)'", Pattern.CASE_INSENSITIVE);
    /** 7.x and the DMS name it as a word: 'Student' item, Program, Student item(s); not StudentSchoolAssociation. */
    private static final Pattern NAMED = Pattern.compile("\\b(Student|Program)\\b");
    /** Meadowlark's older failures are sentences: "Resource Student is missing identity {...}". */
    private static final Pattern MEADOWLARK_SENTENCE = Pattern.compile("^Resource (\\w+) is missing identity");
    private static final String UNRESOLVED_REFERENCE = "unresolved-reference";

    private Conflicts() {
    }

    /**
     * The dependency a 409's body names: STUDENT_NOT_PUBLISHED when the Student is missing (also when the Program is
     * too: the student must come first), PROGRAM_NOT_PUBLISHED when only the Program is; empty for any other conflict
     * or a body that names neither.
     */
    public static Optional<Reason> dependency(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(body);
        } catch (IOException notJson) {
            json = null;
        }
        if (json != null && json.has("type")) {
            return json.path("type").asText("").endsWith(UNRESOLVED_REFERENCE) ? named(problemTexts(json)) : Optional.empty();
        }
        JsonNode error = json == null ? null : json.path("error");
        if (error != null && error.isObject() && error.path("failures").isArray()) {
            return meadowlark(error.path("failures"));
        }
        // 5.x/6.x: the first resource quoted in the message (or whatever the body says, when it is no JSON)
        Matcher quoted = QUOTED.matcher(OdsMessages.of(409, body));
        return quoted.find() ? Optional.of(reason(quoted.group(1))) : Optional.empty();
    }

    private static List<String> problemTexts(JsonNode problem) {
        List<String> texts = new ArrayList<>();
        texts.add(problem.path("detail").asText(""));
        problem.path("errors").forEach(error -> texts.add(error.asText("")));
        return texts;
    }

    private static Optional<Reason> meadowlark(JsonNode failures) {
        List<String> names = new ArrayList<>();
        for (JsonNode failure : failures) {
            if (failure.isObject()) {
                names.add(failure.path("resourceName").asText(""));
            } else {
                Matcher sentence = MEADOWLARK_SENTENCE.matcher(failure.asText(""));
                if (sentence.find()) {
                    names.add(sentence.group(1));
                }
            }
        }
        return names.contains("Student") ? Optional.of(Reason.STUDENT_NOT_PUBLISHED)
                : names.contains("Program") ? Optional.of(Reason.PROGRAM_NOT_PUBLISHED) : Optional.empty();
    }

    private static Optional<Reason> named(List<String> texts) {
        boolean program = false;
        for (String text : texts) {
            Matcher matcher = NAMED.matcher(text);
            while (matcher.find()) {
                if (matcher.group(1).equals("Student")) {
                    return Optional.of(Reason.STUDENT_NOT_PUBLISHED);
                }
                program = true;
            }
        }
        return program ? Optional.of(Reason.PROGRAM_NOT_PUBLISHED) : Optional.empty();
    }

    private static Reason reason(String resource) {
        return resource.equalsIgnoreCase("student") ? Reason.STUDENT_NOT_PUBLISHED : Reason.PROGRAM_NOT_PUBLISHED;
    }
}
