package nm.cte.domain;

import java.time.LocalDate;

/** Small fixtures for the rule tests: one valid period of school year 2026-27, changed one field at a time. */
final class Periods {

    static final SchoolYear SCHOOL_YEAR_2027 = new SchoolYear(2027, LocalDate.of(2026, 8, 10), LocalDate.of(2027, 5, 28));
    static final LocalDate FIRST_WEEK = LocalDate.of(2026, 8, 12);
    static final School HIGH_SCHOOL = new School(100, 0, "Rio Grande High", false);
    static final School ALTERNATIVE_SCHOOL = new School(200, 45, "Mesa Alternative", false);
    static final School EXCLUDED_SCHOOL = new School(300, 0, "Juvenile Detention Center", true);
    static final CteProgram PROGRAM = new CteProgram("uri://ed-fi.org", null);

    private Periods() {
    }

    static EnrollmentPeriod.Student student(String stateStudentNumber, boolean excluded, String locationCode) {
        return new EnrollmentPeriod.Student(10, 5001L, "Garcia", "Ana", stateStudentNumber, excluded, locationCode, false);
    }

    static EnrollmentPeriod current(EnrollmentPeriod.Student student, int schoolId, LocalDate entry, LocalDate exit) {
        return new EnrollmentPeriod(EnrollmentPeriod.Source.STUDENTS, 10, student, 10, schoolId, null, 0, entry, exit);
    }

    static EnrollmentPeriod valid() {
        return current(student("123456789", false, null), 100, FIRST_WEEK, null);
    }

    static EnrollmentPeriod transfer(int schoolId, Integer enrollmentSchoolId, int enrollStatus, String locationCode) {
        return new EnrollmentPeriod(EnrollmentPeriod.Source.STUDENTS, 10, student("123456789", false, locationCode), 10,
                schoolId, enrollmentSchoolId, enrollStatus, FIRST_WEEK, LocalDate.of(2026, 12, 18));
    }

    static EnrollmentPeriod reenrollment(int schoolId, LocalDate entry) {
        return new EnrollmentPeriod(EnrollmentPeriod.Source.REENROLLMENTS, 77, student("123456789", false, null), 9,
                schoolId, null, null, entry, entry.plusMonths(2));
    }

    static Eligibility rules(String districtNumber) {
        return new Eligibility(SCHOOL_YEAR_2027, new Schools(java.util.List.of(HIGH_SCHOOL, ALTERNATIVE_SCHOOL, EXCLUDED_SCHOOL)),
                LeaNumber.parse(districtNumber), PROGRAM);
    }

    static Eligibility rules() {
        return rules(" 001 ");
    }
}
