package nm.cte.edfi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import nm.cte.domain.CteAssociation;
import nm.cte.domain.CteProgram;
import nm.cte.domain.EducationOrganizationId;
import org.junit.jupiter.api.Test;

/** D10: the three Data Standard shapes, each valid against its Ed-Fi schema. */
class AssociationJsonTest {

    private static final CteProgram PROGRAM = new CteProgram("uri://ed-fi.org", null);
    private static final EducationOrganizationId SCHOOL = new EducationOrganizationId(35001123);
    private static final CteAssociation COMPLETED = new CteAssociation("123456789", SCHOOL, LocalDate.of(2024, 8, 14),
            PROGRAM.referenceFor(SCHOOL), true);

    private static ObjectNode json(DataStandard dataStandard) {
        return new AssociationJson(dataStandard, PROGRAM).toJson(COMPLETED);
    }

    @Test
    void dataStandard4RecordHasCteProgramsAndIsValid() throws Exception {
        ObjectNode json = json(DataStandard.DS4);

        JsonNode expected = new ObjectMapper().readTree("""
                {"beginDate":"2024-08-14",
                 "educationOrganizationReference":{"educationOrganizationId":35001123},
                 "programReference":{"educationOrganizationId":35001123,"programName":"Career and Technical Education",
                   "programTypeDescriptor":"uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education"},
                 "studentReference":{"studentUniqueId":"123456789"},
                 "ctePrograms":[{"careerPathwayDescriptor":"uri://ed-fi.org/CareerPathwayDescriptor#Other",
                   "cipCode":"0","primaryCTEProgramIndicator":true,"cteProgramCompletionIndicator":true}]}""");
        assertEquals(expected, json);
        assertEquals("", new EdFiSchema(DataStandard.DS4).problems(json));
    }

    @Test
    void dataStandard3RecordHasTheSameShapeAndIsValid() {
        ObjectNode json = json(DataStandard.DS3);

        assertEquals(json(DataStandard.DS4), json);
        assertEquals("", new EdFiSchema(DataStandard.DS3).problems(json));
    }

    @Test
    void dataStandard5RecordHasCteProgramServicesAndIsValid() throws Exception {
        ObjectNode json = json(DataStandard.DS5);

        assertFalse(json.has("ctePrograms"));
        assertEquals(new ObjectMapper().readTree("""
                [{"cteProgramServiceDescriptor":"uri://ed-fi.org/CTEProgramServiceDescriptor#Other",
                  "cipCode":"0","primaryIndicator":true}]"""), json.get("cteProgramServices"));
        assertEquals("", new EdFiSchema(DataStandard.DS5).problems(json));
    }

    @Test
    void educationOrganizationIdIsSentAsJsonInteger() {
        JsonNode id = json(DataStandard.DS4).at("/educationOrganizationReference/educationOrganizationId");

        assertTrue(id.isInt());
    }

    @Test
    void recordNeverCarriesAnId() {
        for (DataStandard dataStandard : DataStandard.values()) {
            assertFalse(json(dataStandard).has("id"));
        }
    }

    @Test
    void completionIsFalseForStudentWhoDidNotComplete() {
        CteAssociation notCompleted = new CteAssociation("123456789", SCHOOL, LocalDate.of(2024, 8, 14),
                PROGRAM.referenceFor(SCHOOL), false);

        JsonNode json = new AssociationJson(DataStandard.DS4, PROGRAM).toJson(notCompleted);

        assertFalse(json.at("/ctePrograms/0/cteProgramCompletionIndicator").booleanValue());
    }
}
