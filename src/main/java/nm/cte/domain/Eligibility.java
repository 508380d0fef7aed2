package nm.cte.domain;

/**
 * The eligibility rules E1-E9 of the spec, checked in its order (the first that fails decides), and the record of
 * D4-D9 built for a period that passes them all.
 */
public final class Eligibility {

    /** Ed-Fi's studentUniqueId holds at most 32 characters. */
    static final int MAX_STUDENT_UNIQUE_ID = 32;

    private final SchoolYear schoolYear;
    private final Schools schools;
    private final Checked<LeaNumber> lea;
    private final CteProgram program;

    public Eligibility(SchoolYear schoolYear, Schools schools, Checked<LeaNumber> lea, CteProgram program) {
        this.schoolYear = schoolYear;
        this.schools = schools;
        this.lea = lea;
        this.program = program;
    }

    public Candidate judge(EnrollmentPeriod period) {
        EnrollmentPeriod.Student student = period.student();
        // looked up first so that every outcome can name the school, whichever rule decides
        School school = schools.byNumber(period.enrollmentSchoolNumber()).orElse(null);
        // E1
        if (period.entryDate() == null) {
            return fails(period, school, Reason.MISSING_ENTRY_DATE, "the enrollment has no ENTRYDATE");
        }
        // E2
        if (period.isNoShow()) {
            return fails(period, school, Reason.NO_SHOW, "EXITDATE = ENTRYDATE " + period.entryDate() + ": a no-show");
        }
        // E3
        if (!schoolYear.contains(period.entryDate())) {
            return fails(period, school, Reason.NOT_IN_SCHOOL_YEAR, "ENTRYDATE " + period.entryDate() + " is outside "
                    + schoolYear.label() + " (" + schoolYear.firstDay() + " to " + schoolYear.lastDay() + ")");
        }
        // E4
        if (student.excludedFromStateReporting()) {
            return fails(period, school, Reason.STUDENT_EXCLUDED, "the student is excluded from state reporting");
        }
        // E5
        if (school == null) {
            return fails(period, school, Reason.UNKNOWN_SCHOOL,
                    "school " + period.enrollmentSchoolNumber() + " is not in SCHOOLS");
        }
        // E6
        if (school.excludedFromStateReporting()) {
            return fails(period, school, Reason.SCHOOL_EXCLUDED, school.name() + " is excluded from state reporting");
        }
        String studentUniqueId = student.studentUniqueId();
        // E7
        if (studentUniqueId.isEmpty()) {
            return fails(period, school, Reason.MISSING_STUDENT_UNIQUE_ID, "the student has no STATE_STUDENTNUMBER");
        }
        int length = studentUniqueId.codePointCount(0, studentUniqueId.length());
        // E8
        if (length > MAX_STUDENT_UNIQUE_ID) {
            return fails(period, school, Reason.INVALID_STUDENT_UNIQUE_ID, "STATE_STUDENTNUMBER has " + length
                    + " characters; Ed-Fi allows " + MAX_STUDENT_UNIQUE_ID);
        }
        // E9
        if (!lea.isValid()) {
            return fails(period, school, Reason.INVALID_DISTRICT_NUMBER, lea.problem());
        }
        Checked<BuildingNumber> building = BuildingNumber.of(student.locationCode(), school);
        // E9 (D4)
        if (!building.isValid()) {
            return fails(period, school, Reason.INVALID_BUILDING_NUMBER, building.problem());
        }
        EducationOrganizationId id = EducationOrganizationId.of(lea.value(), building.value());
        CteAssociation association = new CteAssociation(studentUniqueId, id, period.entryDate(),
                program.referenceFor(id), student.cteProgramCompleter());
        return Candidate.qualified(period, school, association);
    }

    private static Candidate fails(EnrollmentPeriod period, School school, Reason reason, String message) {
        return Candidate.decided(period, school, Outcome.of(reason, message));
    }
}
