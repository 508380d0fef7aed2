package nm.cte.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The DMS's 409 for references it does not hold: one problem naming every missing resource in alphabetical order,
 * "The referenced Program, Student item(s) do not exist.", with its null correlationId and empty lists.
 */
final class DataManagementServiceConflicts {

    private DataManagementServiceConflicts() {
    }

    static Answer answer(List<ErrorDialect.MissingReference> missing) {
        String names = missing.stream().map(ErrorDialect.MissingReference::resource).sorted().distinct()
                .collect(Collectors.joining(", "));
        ObjectNode problem = Json.object()
                .put("detail", "The referenced " + names + " item(s) do not exist.")
                .put("type", "urn:ed-fi:api:data-conflict:unresolved-reference")
                .put("title", "Unresolved Reference")
                .put("status", 409)
                .putNull("correlationId");
        problem.putObject("validationErrors");
        problem.putArray("errors");
        return Answer.problem(409, problem);
    }
}
