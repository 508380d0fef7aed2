package nm.cte.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Meadowlark's 409 for references it does not hold: {"error": {"message": "Reference validation failed",
 * "failures": [{"resourceName": "Student", "identity": {...}}]}} as plain JSON.
 */
final class MeadowlarkConflicts {

    private MeadowlarkConflicts() {
    }

    static Answer answer(List<ErrorDialect.MissingReference> missing) {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error").put("message", "Reference validation failed");
        ArrayNode failures = error.putArray("failures");
        for (ErrorDialect.MissingReference each : missing) {
            failures.addObject().put("resourceName", each.resource()).set("identity", each.identity());
        }
        return Answer.json(409, body);
    }
}
