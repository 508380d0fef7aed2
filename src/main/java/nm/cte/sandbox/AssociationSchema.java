package nm.cte.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import nm.cte.edfi.DataStandard;
import nm.cte.edfi.EdFiSchema;

/** Checks POSTed association bodies against the Ed-Fi schema of the sandbox's Data Standard, problem by problem. */
final class AssociationSchema {

    // touches every sub-schema, so that the references resolve here rather than on the first concurrent requests
    private static final String EVERY_BRANCH = """
            {"educationOrganizationReference":{},"programReference":{},"studentReference":{},"participationStatus":{},
             "ctePrograms":[{}],"cteProgramServices":[{}],"programParticipationStatuses":[{}],"services":[{}]}""";

    private final EdFiSchema schema;

    AssociationSchema(DataStandard dataStandard) {
        this.schema = new EdFiSchema(dataStandard);
        try {
            schema.problems(Json.MAPPER.readTree(EVERY_BRANCH));
        } catch (IOException e) {
            throw new IllegalStateException("the warm-up record is not JSON", e);
        }
    }

    List<SchemaProblem> problems(JsonNode body) {
        String problems = schema.problems(body);
        return problems.isEmpty() ? List.of() : SchemaProblem.parse(problems);
    }
}
