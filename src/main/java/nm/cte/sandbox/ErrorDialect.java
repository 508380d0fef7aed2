package nm.cte.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * How one server words its errors: {"message": ...} up to ODS/API 6.x, problem details from 7.x; the DMS and
 * Meadowlark word their 409 their own way.
 */
interface ErrorDialect {

    static ErrorDialect of(SandboxOptions options) {
        ErrorDialect odsApi = options.speaksProblemDetails() ? new ProblemDetails() : new LegacyErrors();
        return switch (options.layout()) {
            case DMS -> new Reworded(new ProblemDetails(), DataManagementServiceConflicts::answer);
            case MEADOWLARK -> new Reworded(new LegacyErrors(), MeadowlarkConflicts::answer);
            default -> odsApi;
        };
    }

    /** A reference the ODS does not hold: the resource's name ("Student") and the identity it was referred to by. */
    record MissingReference(String resource, ObjectNode identity) {
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

    /**
     * 409 for references the ODS does not hold, the student's first: the ODS/API names the first it meets, the DMS and
     * Meadowlark name them all.
     */
    default Answer unresolvedReferences(List<MissingReference> missing) {
        return unresolvedReference(missing.get(0).resource());
    }

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
