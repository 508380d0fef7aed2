package nm.cte.domain;

import java.time.LocalDate;

/**
 * One enrollment period of a CTE participant (D1): the STUDENTS row itself, or one of its REENROLLMENTS rows,
 * with what the rules need to know of the student.
 */
public record EnrollmentPeriod(
        Source source,
        long periodId,
        Student student,
        Integer gradeLevel,
        Integer schoolId,
        Integer enrollmentSchoolId,
        Integer enrollStatus,
        LocalDate entryDate,
        LocalDate exitDate) {

    /** The table a period comes from; only the STUDENTS period can be a mid-year transfer (D5). */
    public enum Source { STUDENTS, REENROLLMENTS }

    /** PowerSchool's ENROLL_STATUS of a student who transferred out. */
    static final int TRANSFERRED_OUT = 2;

    /** The period's student: identity, names and the flags and values of D2, D4, D8 and E4. */
    public record Student(
            long dcid,
            Long studentNumber,
            String lastName,
            String firstName,
            String stateStudentNumber,
            boolean excludedFromStateReporting,
            String locationCode,
            boolean cteProgramCompleter) {

        /** The Ed-Fi studentUniqueId: STATE_STUDENTNUMBER without surrounding blanks, empty when there is none (E7). */
        public String studentUniqueId() {
            return stateStudentNumber == null ? "" : stateStudentNumber.strip();
        }
    }

    /** E2: a student who never attended has EXITDATE = ENTRYDATE (EXITDATE is exclusive). */
    public boolean isNoShow() {
        return entryDate != null && entryDate.equals(exitDate);
    }

    /**
     * D5: the SCHOOL_NUMBER of the school the period counts for. A student who transferred out mid-year counts for
     * the school of ENROLLMENT_SCHOOLID.
     */
    public Integer enrollmentSchoolNumber() {
        boolean midYearTransfer = source == Source.STUDENTS
                && enrollStatus != null && enrollStatus == TRANSFERRED_OUT
                && enrollmentSchoolId != null && !enrollmentSchoolId.equals(schoolId);
        return midYearTransfer ? enrollmentSchoolId : schoolId;
    }
}
