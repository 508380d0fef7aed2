package nm.cte.demo;

/**
 * What the demo generator made one enrollment period as, on purpose: a label of how the rows were written, never of
 * what a run must decide for them (the tests keep those answers).
 */
public enum Case {
    /** A period of one of the documented scenario students, the same for every size and seed. */
    SCENARIO,
    /** An ordinary participant's period: a home school, this year's dates, a state id, a building. */
    PARTICIPANT,
    /** A mid-year transfer: ENROLL_STATUS 2, SCHOOLID where the student went, ENROLLMENT_SCHOOLID where it was. */
    TRANSFER,
    /** The period at a reportable school a student left this year for the school of its STUDENTS row. */
    MOVED_AWAY,
    /** The period at the excluded school 905 a student left this year. */
    LEFT_EXCLUDED_SCHOOL,
    /** Last school year's period, still in REENROLLMENTS. */
    LAST_YEAR,
    /** EXITDATE = ENTRYDATE. */
    NO_SHOW,
    /** ENTRYDATE NULL. */
    MISSING_ENTRY_DATE,
    /** ENTRYDATE in the summer before FIRSTDAY (a bridge program). */
    BEFORE_YEAR,
    /** Pre-registered for next school year. */
    NEXT_YEAR,
    /** STATE_EXCLUDEFROMREPORTING 1 on the student. */
    STUDENT_EXCLUDED,
    /** Enrolled at 530, a school with no SCHOOLS row. */
    CLOSED_SCHOOL,
    /** Enrolled at the school 905, which is excluded from state reporting. */
    EXCLUDED_SCHOOL,
    /** STATE_STUDENTNUMBER NULL or blank. */
    MISSING_STATE_ID,
    /** STATE_STUDENTNUMBER of 33 characters. */
    OVERLONG_STATE_ID,
    /** A LOCATIONCODE that is not a building number. */
    BAD_LOCATION,
    /** At the eAcademy 1001, which has no alternate number, with no LOCATIONCODE. */
    NO_BUILDING,
    /** A LOCATIONCODE that names another building than the school's. */
    LOCATION_OVERRIDE,
    /** A REENROLLMENTS copy of the STUDENTS period: the same ENTRYDATE at the same school. */
    REPEATED
}
