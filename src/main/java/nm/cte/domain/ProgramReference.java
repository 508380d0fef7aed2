package nm.cte.domain;

/** Ed-Fi's programReference: the three fields that identify a Program. */
public record ProgramReference(int educationOrganizationId, String programName, String programTypeDescriptor) {
}
