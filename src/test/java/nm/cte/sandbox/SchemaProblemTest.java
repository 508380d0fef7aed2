package nm.cte.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** EdFiSchema's problem text, split into problems and keyed by JSON path as ODS/API 7.x keys validationErrors. */
class SchemaProblemTest {

    @Test
    void problemsAreSplitWhereTheNextPointerBegins() {
        List<SchemaProblem> problems = SchemaProblem.parse(
                "/beginDate: does not match the date pattern; /ctePrograms/0/cipCode: must be at most 120 characters long");

        assertEquals(List.of("/beginDate: does not match the date pattern",
                "/ctePrograms/0/cipCode: must be at most 120 characters long"),
                problems.stream().map(SchemaProblem::text).toList());
    }

    @Test
    void pointerBecomesJsonPathWithArrayIndexes() {
        SchemaProblem problem = SchemaProblem.parse("/ctePrograms/0/cipCode: must be at most 120 characters long").get(0);

        assertEquals("$.ctePrograms[0].cipCode", problem.jsonPath());
        assertEquals("must be at most 120 characters long", problem.message());
    }

    @Test
    void missingPropertyIsKeyedByItsOwnPath() {
        SchemaProblem problem = SchemaProblem.parse(": required property 'beginDate' not found").get(0);

        assertEquals("$.beginDate", problem.jsonPath());
    }

    @Test
    void requiredProblemIsWordedAsEdFiSchemaWordsIt() {
        SchemaProblem problem = SchemaProblem.required("/educationOrganizationReference/educationOrganizationId");

        assertEquals("/educationOrganizationReference: required property 'educationOrganizationId' not found", problem.text());
        assertEquals("$.educationOrganizationReference.educationOrganizationId", problem.jsonPath());
    }
}
