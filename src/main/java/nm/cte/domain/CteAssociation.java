package nm.cte.domain;

import java.time.LocalDate;
import java.util.Objects;

/** One studentCTEProgramAssociation as the publisher means it, before it is shaped for a Data Standard. */
public record CteAssociation(
        String studentUniqueId,
        EducationOrganizationId educationOrganizationId,
        LocalDate beginDate,
        ProgramReference program,
        boolean completed) {

    /** D10: what identifies the record in the ODS; two candidates with the same key are one record. */
    public record NaturalKey(LocalDate beginDate, int educationOrganizationId, ProgramReference program, String studentUniqueId) {

        /** The key as one text, the way the ledger stores it. */
        public String canonical() {
            return String.join("|", beginDate.toString(), Integer.toString(educationOrganizationId),
                    Integer.toString(program.educationOrganizationId()), program.programName(), program.programTypeDescriptor(),
                    studentUniqueId);
        }

        // written out, as ProgramReference's say why
        @Override
        public boolean equals(Object other) {
            return other instanceof NaturalKey that && educationOrganizationId == that.educationOrganizationId
                    && Objects.equals(beginDate, that.beginDate) && Objects.equals(program, that.program)
                    && Objects.equals(studentUniqueId, that.studentUniqueId);
        }

        @Override
        public int hashCode() {
            int hash = 31 * Objects.hashCode(beginDate) + educationOrganizationId;
            return 31 * (31 * hash + Objects.hashCode(program)) + Objects.hashCode(studentUniqueId);
        }
    }

    public NaturalKey naturalKey() {
        return new NaturalKey(beginDate, educationOrganizationId.value(), program, studentUniqueId);
    }
}
