package nm.cte.run;

import java.time.Instant;
import java.util.Objects;
import nm.cte.domain.EnrollmentPeriod;
import nm.cte.ledger.LedgerRecord;

/**
 * What the operator asked of one run (spec section 7).
 *
 * @param scheduledFire the schedule's fire that asked for the run, or null: a fire runs once across all processes
 */
public record RunOptions(Mode mode, Integer school, String student, boolean dryRun, boolean confirmDeletes, Instant scheduledFire) {

    /** A run asked for by a person, not by the schedule. */
    public RunOptions(Mode mode, Integer school, String student, boolean dryRun, boolean confirmDeletes) {
        this(mode, school, student, dryRun, confirmDeletes, null);
    }

    // written out, as ProgramReference's say why: Camel's bean language hashes the options for its cache when a route
    // first reads one of them
    @Override
    public boolean equals(Object other) {
        return other instanceof RunOptions that && mode == that.mode && Objects.equals(school, that.school)
                && Objects.equals(student, that.student) && dryRun == that.dryRun && confirmDeletes == that.confirmDeletes
                && Objects.equals(scheduledFire, that.scheduledFire);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, school, student, dryRun, confirmDeletes, scheduledFire);
    }

    /** D12's modes, as PowerSchool's Run Now offers them. */
    public enum Mode { CHANGES, ALL, MISSING }

    /** D17: what explain runs for one student: a dry run in changes mode, so that it shows what is unchanged. */
    public static RunOptions explaining(String student) {
        return new RunOptions(Mode.CHANGES, null, student, true, false);
    }

    /** Whether the run is limited to one school or one student. */
    public boolean isSelective() {
        return school != null || student != null;
    }

    /** The selection as people read it, e.g. "school 520", or null for the whole district. */
    public String selection() {
        if (school != null) {
            return "school " + school;
        }
        return student == null ? null : "student " + student;
    }

    /** The student parameter of enrollment-periods.sql: '*' for all (Oracle reads '' as NULL, so no empty string). */
    public String studentParameter() {
        return student == null ? "*" : student;
    }

    /** The school parameter of enrollment-periods.sql: -1 for all. */
    public int schoolParameter() {
        return school == null ? -1 : school;
    }

    /** --school: the period counts for that school (D5); --student was applied by the query already. */
    public boolean selects(EnrollmentPeriod period) {
        return school == null || school.equals(period.enrollmentSchoolNumber());
    }

    /**
     * Whether a record of the ledger lies within the selection: a selective run never deletes outside it. A selective
     * run's pass (D13) asks the ledger for these records by index (Ledger#eachRecordOfSchoolBefore,
     * #eachRecordOfStudentBefore), whose SQL restates this rule; this one decides.
     */
    public boolean selects(LedgerRecord record) {
        if (school != null) {
            return school.equals(record.schoolNumber());
        }
        return student == null || student.equals(record.studentUniqueId())
                || (record.studentNumber() != null && record.studentNumber().equals(selectedStudentNumber()));
    }

    /**
     * The PS student number --student names, when it is a number written as a number is written (no leading zero, no
     * plus sign): "0700000" names a state id and no student number. Null when there is none.
     */
    public Long selectedStudentNumber() {
        if (student == null) {
            return null;
        }
        try {
            long number = Long.parseLong(student);
            return Long.toString(number).equals(student) ? number : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
