package nm.cte.sandbox;

import java.util.List;
import java.util.function.Function;

/** A server that words its errors as another does, all but its 409 for references it does not hold. */
final class Reworded implements ErrorDialect {

    private final ErrorDialect base;
    private final Function<List<MissingReference>, Answer> conflicts;

    Reworded(ErrorDialect base, Function<List<MissingReference>, Answer> conflicts) {
        this.base = base;
        this.conflicts = conflicts;
    }

    @Override
    public Answer unresolvedReferences(List<MissingReference> missing) {
        return conflicts.apply(missing);
    }

    @Override
    public Answer unresolvedReference(String resource) {
        return conflicts.apply(List.of(new MissingReference(resource, Json.object())));
    }

    @Override
    public Answer unauthenticated(String reason) {
        return base.unauthenticated(reason);
    }

    @Override
    public Answer unsupportedMediaType(boolean contentTypeMissing) {
        return base.unsupportedMediaType(contentTypeMissing);
    }

    @Override
    public Answer malformedBody(String why) {
        return base.malformedBody(why);
    }

    @Override
    public Answer validationFailed(String resource, List<SchemaProblem> problems) {
        return base.validationFailed(resource, problems);
    }

    @Override
    public Answer identifierAssigned() {
        return base.identifierAssigned();
    }

    @Override
    public Answer notFound(String resource) {
        return base.notFound(resource);
    }

    @Override
    public Answer badParameter(String error) {
        return base.badParameter(error);
    }

    @Override
    public Answer serverError() {
        return base.serverError();
    }

    @Override
    public int smallestLimit() {
        return base.smallestLimit();
    }

    @Override
    public String limitOutOfRange(int largestLimit) {
        return base.limitOutOfRange(largestLimit);
    }
}
