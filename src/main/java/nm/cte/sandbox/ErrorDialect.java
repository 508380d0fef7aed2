package nm.cte.sandbox;

import java.util.List;

/** How one ODS/API generation words its errors: {"message": ...} up to 6.x, problem details from 7.x. */
interface ErrorDialect {

    static ErrorDialect of(SandboxOptions options) {
        return options.speaksProblemDetails() ? new ProblemDetails() : new LegacyErrors();
    }

    /** 401 for a data request; the reason is one of {@link Authentication}'s. */
    Answer unauthenticated(String reason);

    /** 415 for a body that is not declared as JSON. */
    Answer unsupportedMediaType(boolean contentTypeMissing);

    /** 400 for a body that is not a JSON object. */
    Answer malformedBody(String why);

    /** 400 for a body that breaks the schema of the resource ("StudentCTEProgramAssociation", "Student", ...). */
    Answer validationFailed(String resource, List<SchemaProblem> problems);

    /** 400 for a POST whose body carries an id. */
    Answer identifierAssigned();

    /** 409 for a reference to a "Student" or "Program" the ODS does not hold. */
    Answer unresolvedReference(String resource);

    /** 404 for an id the ODS does not hold. */
    Answer notFound(String resource);

    /** 400 for a query parameter out of range. */
    Answer badParameter(String error);

    /** 500. */
    Answer serverError();

    /** The smallest limit a query may ask for: 1 up to 6.x, 0 (a count alone) from 7.x. */
    int smallestLimit();

    /** What a limit out of range is told. */
    String limitOutOfRange(int largestLimit);
}
