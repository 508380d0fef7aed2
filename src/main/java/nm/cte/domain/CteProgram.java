package nm.cte.domain;

/** The program every record points to, with the constants of D7 and the owner rule of D9. */
public record CteProgram(String descriptorNamespace, Integer fixedOwnerId) {

    public static final String NAME = "Career and Technical Education";
    public static final String CIP_CODE = "0";

    /** @param descriptorNamespace the prefix of every descriptor, e.g. uri://ed-fi.org (a trailing slash is ignored)
     *  @param fixedOwnerId the configured program owner, or null for the record's own educationOrganizationId */
    public CteProgram {
        descriptorNamespace = descriptorNamespace.endsWith("/")
                ? descriptorNamespace.substring(0, descriptorNamespace.length() - 1)
                : descriptorNamespace;
    }

    public String programTypeDescriptor() {
        return descriptor("ProgramTypeDescriptor", "Career and Technical Education");
    }

    public String careerPathwayDescriptor() {
        return descriptor("CareerPathwayDescriptor", "Other");
    }

    public String cteProgramServiceDescriptor() {
        return descriptor("CTEProgramServiceDescriptor", "Other");
    }

    /** D9: the program belongs to the configured owner, or else to the school the record is for. */
    public ProgramReference referenceFor(EducationOrganizationId recordId) {
        int owner = fixedOwnerId != null ? fixedOwnerId : recordId.value();
        return new ProgramReference(owner, NAME, programTypeDescriptor());
    }

    private String descriptor(String type, String codeValue) {
        return descriptorNamespace + "/" + type + "#" + codeValue;
    }
}
