package nm.cte.edfi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nm.cte.domain.CteAssociation;
import nm.cte.domain.CteProgram;

/** Shapes a CteAssociation as the studentCTEProgramAssociation body of one Data Standard (D10); never with an id. */
public final class AssociationJson {

    private final DataStandard dataStandard;
    private final CteProgram program;

    public AssociationJson(DataStandard dataStandard, CteProgram program) {
        this.dataStandard = dataStandard;
        this.program = program;
    }

    /** The Data Standard whose shape this builds. */
    public DataStandard dataStandard() {
        return dataStandard;
    }

    public ObjectNode toJson(CteAssociation association) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("beginDate", association.beginDate().toString());
        body.putObject("educationOrganizationReference")
                .put("educationOrganizationId", association.educationOrganizationId().value());
        body.putObject("programReference")
                .put("educationOrganizationId", association.program().educationOrganizationId())
                .put("programName", association.program().programName())
                .put("programTypeDescriptor", association.program().programTypeDescriptor());
        body.putObject("studentReference").put("studentUniqueId", association.studentUniqueId());
        if (dataStandard.hasCtePrograms()) {
            body.putArray("ctePrograms").addObject()
                    .put("careerPathwayDescriptor", program.careerPathwayDescriptor())
                    .put("cipCode", CteProgram.CIP_CODE)
                    .put("primaryCTEProgramIndicator", true)
                    .put("cteProgramCompletionIndicator", association.completed());
        } else {
            body.putArray("cteProgramServices").addObject()
                    .put("cteProgramServiceDescriptor", program.cteProgramServiceDescriptor())
                    .put("cipCode", CteProgram.CIP_CODE)
                    .put("primaryIndicator", true);
        }
        return body;
    }
}
