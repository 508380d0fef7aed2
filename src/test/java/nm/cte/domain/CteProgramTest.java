package nm.cte.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** D7 constants and D9 program owner. */
class CteProgramTest {

    private static final EducationOrganizationId SCHOOL = new EducationOrganizationId(35001100);

    @Test
    void descriptorsUseTheConfiguredNamespace() {
        CteProgram program = new CteProgram("uri://ped.nm.gov/", null);

        assertEquals("uri://ped.nm.gov/ProgramTypeDescriptor#Career and Technical Education", program.programTypeDescriptor());
        assertEquals("uri://ped.nm.gov/CareerPathwayDescriptor#Other", program.careerPathwayDescriptor());
        assertEquals("uri://ped.nm.gov/CTEProgramServiceDescriptor#Other", program.cteProgramServiceDescriptor());
    }

    @Test
    void programBelongsToTheRecordsSchoolByDefault() {
        ProgramReference reference = new CteProgram("uri://ed-fi.org", null).referenceFor(SCHOOL);

        assertEquals(new ProgramReference(35001100, "Career and Technical Education",
                "uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education"), reference);
    }

    @Test
    void configuredOwnerReplacesTheRecordsSchool() {
        assertEquals(35001000, new CteProgram("uri://ed-fi.org", 35001000).referenceFor(SCHOOL).educationOrganizationId());
    }
}
