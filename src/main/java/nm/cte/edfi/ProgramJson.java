package nm.cte.edfi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nm.cte.domain.ProgramReference;

/** The Program resource the publisher can upsert before its associations (D11), in every Data Standard's shape. */
public final class ProgramJson {

    private ProgramJson() {
    }

    public static ObjectNode toJson(ProgramReference program) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("educationOrganizationReference").put("educationOrganizationId", program.educationOrganizationId());
        body.put("programName", program.programName());
        body.put("programTypeDescriptor", program.programTypeDescriptor());
        return body;
    }
}
