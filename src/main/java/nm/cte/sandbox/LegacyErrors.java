package nm.cte.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Collectors;

/** The errors of ODS/API 5.x and 6.x: a JSON object with a message, or no body at all where ASP.NET writes none. */
final class LegacyErrors implements ErrorDialect {

    private static final String STUDENT_NOT_FOUND =
            "Access to the resource item could not be authorized because the 'Student' was not found.";

    @Override
    public Answer unauthenticated(String reason) {
        // the 6.x authentication handler challenges with a bare 401
        return Answer.empty(401);
    }

    @Override
    public Answer unsupportedMediaType(boolean contentTypeMissing) {
        return Answer.empty(415);
    }

    @Override
    public Answer malformedBody(String why) {
        return Answer.json(400, message("The request is invalid.").set("modelState", Json.object()
                .set("request", Json.MAPPER.createArrayNode().add(why))));
    }

    @Override
    public Answer validationFailed(String resource, List<SchemaProblem> problems) {
        String lines = problems.stream().map(problem -> "\n\t" + problem.text()).collect(Collectors.joining());
        return Answer.json(400, message("Validation of '" + resource + "' failed." + lines));
    }

    @Override
    public Answer identifierAssigned() {
        return Answer.json(400, message("Resource identifiers cannot be assigned by the client."));
    }

    @Override
    public Answer unresolvedReference(String resource) {
        // a missing student fails the authorization check before the reference check gets to it
        String text = resource.equals("Student") ? STUDENT_NOT_FOUND
                : "The value supplied for the related '" + Character.toLowerCase(resource.charAt(0)) + resource.substring(1)
                        + "' resource does not exist.";
        return Answer.json(409, message(text));
    }

    @Override
    public Answer notFound(String resource) {
        return Answer.json(404, message("Entity of type '" + resource + "' with the specified id was not found."));
    }

    @Override
    public Answer badParameter(String error) {
        return Answer.json(400, message(error));
    }

    @Override
    public Answer serverError() {
        return Answer.json(500, message("An unexpected error occurred on the server."));
    }

    @Override
    public int smallestLimit() {
        return 1;
    }

    @Override
    public String limitOutOfRange(int largestLimit) {
        return "Limit must be omitted or set to a value between 1 and max value defined in configuration file (defaultPageSizeLimit).";
    }

    private static ObjectNode message(String text) {
        return Json.object().put("message", text);
    }
}
