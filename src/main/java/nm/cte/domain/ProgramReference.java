package nm.cte.domain;

import java.util.Objects;

/** Ed-Fi's programReference: the three fields that identify a Program. */
public record ProgramReference(int educationOrganizationId, String programName, String programTypeDescriptor) {

    // equals and hashCode written out: a record's own are made by the JVM at their first call, tens of milliseconds of
    // a cold start that a run's first batch and explain's answer waited for (this and CteAssociation.NaturalKey key
    // the batch's records, RunOptions Camel's look-ups)
    @Override
    public boolean equals(Object other) {
        return other instanceof ProgramReference that && educationOrganizationId == that.educationOrganizationId
                && Objects.equals(programName, that.programName)
                && Objects.equals(programTypeDescriptor, that.programTypeDescriptor);
    }

    @Override
    public int hashCode() {
        // no Objects.hash: its array and boxed id would be made for every record of a run
        int hash = 31 * educationOrganizationId + Objects.hashCode(programName);
        return 31 * hash + Objects.hashCode(programTypeDescriptor);
    }
}
