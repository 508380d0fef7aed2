package nm.cte.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The errors of ODS/API 7.x: application/problem+json with an urn:ed-fi:api type, a title, a detail and a correlation id. */
final class ProblemDetails implements ErrorDialect {

    private static final String INVALID_CONSTRUCTION = "The request construction was invalid.";

    @Override
    public Answer unauthenticated(String reason) {
        ObjectNode problem = problem(401, ":security:authentication", "Authentication Failed",
                "The caller could not be authenticated.");
        return Answer.problem(401, withErrors(problem, reason));
    }

    @Override
    public Answer unsupportedMediaType(boolean contentTypeMissing) {
        ObjectNode problem = problem(415, ":unsupported-media-type", "Unsupported Media Type", INVALID_CONSTRUCTION);
        return Answer.problem(415, withErrors(problem, contentTypeMissing ? "The 'Content-Type' header is missing."
                : "The value specified in the 'Content-Type' header is not supported by this host."));
    }

    @Override
    public Answer malformedBody(String why) {
        return validationFailed(List.of(new SchemaProblem(why, "$", why)));
    }

    @Override
    public Answer validationFailed(String resource, List<SchemaProblem> problems) {
        return validationFailed(problems);
    }

    @Override
    public Answer identifierAssigned() {
        return Answer.problem(400, problem(400, ":bad-request", "Bad Request",
                "Resource identifiers cannot be assigned by the client."));
    }

    @Override
    public Answer unresolvedReference(String resource) {
        return Answer.problem(409, problem(409, ":data-conflict:unresolved-reference", "Unresolved Reference",
                "The referenced '" + resource + "' item does not exist."));
    }

    @Override
    public Answer notFound(String resource) {
        return Answer.problem(404, problem(404, ":not-found", "Not Found", "The specified item could not be found."));
    }

    @Override
    public Answer badParameter(String error) {
        ObjectNode problem = problem(400, ":bad-request:parameter", "Parameter Validation Failed", INVALID_CONSTRUCTION);
        return Answer.problem(400, withErrors(problem, error));
    }

    @Override
    public Answer serverError() {
        return Answer.problem(500, problem(500, ":system", "System Error", "An unexpected problem has occurred."));
    }

    @Override
    public int smallestLimit() {
        return 0;
    }

    @Override
    public String limitOutOfRange(int largestLimit) {
        return "Limit must be omitted or set to a value between 0 and " + largestLimit + ".";
    }

    private static Answer validationFailed(List<SchemaProblem> problems) {
        ObjectNode problem = problem(400, ":bad-request:data-validation-failed", "Data Validation Failed",
                "Data validation failed. See 'validationErrors' for details.");
        ObjectNode validationErrors = problem.putObject("validationErrors");
        for (SchemaProblem each : problems) {
            ArrayNode messages = validationErrors.has(each.jsonPath())
                    ? (ArrayNode) validationErrors.get(each.jsonPath()) : validationErrors.putArray(each.jsonPath());
            messages.add(each.message());
        }
        return Answer.problem(400, problem);
    }

    private static ObjectNode problem(int status, String typeParts, String title, String detail) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Json.object()
                .put("detail", detail)
                .put("type", "urn:ed-fi:api" + typeParts)
                .put("title", title)
                .put("status", status)
                .put("correlationId", new UUID(random.nextLong(), random.nextLong()).toString());
    }

    private static ObjectNode withErrors(ObjectNode problem, String error) {
        problem.putArray("errors").add(error);
        return problem;
    }
}
