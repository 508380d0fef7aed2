package nm.cte.sandbox;

/** Association bodies of the New Mexico case (examples.json), one per Data Standard shape, for the tests. */
final class Bodies {

    static final long SCHOOL = 35001123;
    static final String PROGRAM_NAME = "Career and Technical Education";
    static final String PROGRAM_TYPE = "uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education";

    private static final String REFERENCES = """
            "beginDate":"%s",
            "educationOrganizationReference":{"educationOrganizationId":35001123},
            "programReference":{"educationOrganizationId":35001123,"programName":"Career and Technical Education",
              "programTypeDescriptor":"uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education"},
            "studentReference":{"studentUniqueId":"%s"}""";

    private Bodies() {
    }

    /** Data Standard 3 and 4: ctePrograms[]. */
    static String ds4(String studentUniqueId, String beginDate, boolean completed) {
        return "{" + REFERENCES.formatted(beginDate, studentUniqueId) + """
                ,"ctePrograms":[{"careerPathwayDescriptor":"uri://ed-fi.org/CareerPathwayDescriptor#Other","cipCode":"0",
                  "primaryCTEProgramIndicator":true,"cteProgramCompletionIndicator":%s}]}""".formatted(completed);
    }

    static String ds4(String studentUniqueId) {
        return ds4(studentUniqueId, "2024-08-14", false);
    }

    /** Data Standard 5: cteProgramServices[]. */
    static String ds5(String studentUniqueId) {
        return "{" + REFERENCES.formatted("2024-08-14", studentUniqueId) + """
                ,"cteProgramServices":[{"cteProgramServiceDescriptor":"uri://ed-fi.org/CTEProgramServiceDescriptor#Other",
                  "cipCode":"0","primaryIndicator":true}]}""";
    }
}
