package nm.cte.edfi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nm.cte.domain.CteAssociation;
import nm.cte.domain.CteProgram;
import nm.cte.domain.EducationOrganizationId;
import org.junit.jupiter.api.Test;

/** The schema check of D10 finds what the ODS would refuse. */
class EdFiSchemaTest {

    private static ObjectNode record(DataStandard dataStandard, CteProgram program) {
        EducationOrganizationId school = new EducationOrganizationId(35001123);
        return new AssociationJson(dataStandard, program).toJson(
                new CteAssociation("123456789", school, LocalDate.of(2026, 8, 12), program.referenceFor(school), false));
    }

    @Test
    void aSchemaReadAheadIsReadOnceOnTheThreadItIsGiven() {
        List<Runnable> reading = new ArrayList<>();
        EdFiSchema schema = new EdFiSchema(DataStandard.DS4);

        schema.readAhead(reading::add);
        schema.readAhead(reading::add);
        reading.forEach(Runnable::run);

        assertEquals(1, reading.size());
        assertEquals("", schema.problems(record(DataStandard.DS4, new CteProgram("uri://ed-fi.org", null))));
    }

    @Test
    void aSchemaNotReadAheadIsReadByItsFirstCheck() {
        EdFiSchema schema = new EdFiSchema(DataStandard.DS4);

        // a check that waited for a reading nobody started would never end
        String problems = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> schema.problems(record(DataStandard.DS4, new CteProgram("uri://ed-fi.org", null))));
        List<Runnable> reading = new ArrayList<>();
        schema.readAhead(reading::add);

        assertEquals("", problems);
        assertEquals(List.of(), reading);
    }

    @Test
    void descriptorLongerThanTheSchemaAllowsIsReported() {
        CteProgram program = new CteProgram("uri://" + "x".repeat(300), null);

        String problems = new EdFiSchema(DataStandard.DS4).problems(record(DataStandard.DS4, program));

        assertTrue(problems.contains("programTypeDescriptor"), problems);
        assertTrue(problems.contains("306"), problems);
    }

    @Test
    void missingRequiredReferenceIsReported() {
        ObjectNode json = record(DataStandard.DS5, new CteProgram("uri://ed-fi.org", null));
        json.remove("studentReference");

        String problems = new EdFiSchema(DataStandard.DS5).problems(json);

        assertTrue(problems.contains("studentReference"), problems);
    }

    @Test
    void educationOrganizationIdAsTextIsReported() {
        ObjectNode json = record(DataStandard.DS4, new CteProgram("uri://ed-fi.org", null));
        ((ObjectNode) json.get("educationOrganizationReference")).put("educationOrganizationId", "35001123");

        String problems = new EdFiSchema(DataStandard.DS4).problems(json);

        assertTrue(problems.contains("educationOrganizationId"), problems);
    }
}
