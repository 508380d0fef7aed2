package nm.cte.report;

import java.io.PrintStream;
import nm.cte.domain.Candidate;
import nm.cte.domain.EnrollmentPeriod;
import nm.cte.domain.Outcome;
import nm.cte.domain.Status;
import nm.cte.ledger.LedgerRecord;
import nm.cte.run.Deletion;
import nm.cte.run.RecordPrinter;
import nm.cte.run.Run;
import nm.cte.run.StudentBatch;

/**
 * The {@code explain} command's account of one student (D17), for a school data clerk: every candidate period, the
 * rule that decided it, what the ledger knows, and the JSON that would be sent.
 */
public final class Explanation implements RecordPrinter {

    private final PrintStream out;
    private int periods;

    public Explanation(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void printRecord(Candidate candidate, StudentBatch batch) throws Exception {
        periods++;
        EnrollmentPeriod period = candidate.period();
        if (period == null) {
            out.printf("%nA row of this student could not be read: %s%n", candidate.outcome().message());
            return;
        }
        EnrollmentPeriod.Student student = period.student();
        out.printf("%nEnrollment period %d: %s%n", periods, period.source() == EnrollmentPeriod.Source.STUDENTS
                ? "the current enrollment (STUDENTS row " + period.periodId() + ")"
                : "an earlier enrollment (REENROLLMENTS row " + period.periodId() + ")");
        out.printf("  Student:   %s, %s; PS student number %s; state id %s; grade %s%n", student.lastName(), student.firstName(),
                student.studentNumber(), student.stateStudentNumber() == null ? "(none)" : "'" + student.stateStudentNumber() + "'",
                period.gradeLevel());
        out.printf("  School:    %s (SCHOOL_NUMBER %s); entered %s, left %s%n",
                candidate.school() == null ? "(not in SCHOOLS)" : candidate.school().name(), period.enrollmentSchoolNumber(),
                period.entryDate(), period.exitDate() == null ? "(still enrolled)" : period.exitDate());
        out.printf("  Decision:  %s%n", decision(candidate.outcome()));
        LedgerRecord known = candidate.qualifies() ? batch.known(candidate.association().naturalKey().canonical()) : null;
        out.printf("  Ledger:    %s%n", known == null ? "never sent" : "last " + known.status()
                + (known.resourceId() == null ? "" : ", ODS id " + known.resourceId())
                + (known.lastPublished() == null ? "" : ", last published " + known.lastPublished())
                + (known.message() == null ? "" : ": " + known.message()));
        if (candidate.json() != null) {
            out.printf("  JSON that would be sent:%n%s%n",
                    candidate.json().toPrettyString().indent(4).stripTrailing());
        }
    }

    @Override
    public synchronized void printRecord(Deletion deletion, Run run) {
        LedgerRecord record = deletion.record();
        out.printf("%nA record the ODS holds (id %s, entered %s at %s) is no longer produced: it would be deleted (D13)%n",
                record.resourceId(), record.entryDate(), record.schoolName());
    }

    /** After the run: a word when there was nothing to explain. */
    public void printSummary(Run run, String id) {
        if (run.summary().candidates() == 0) {
            out.printf("No CTE enrollment period of %s in %s. Either no student has this STATE_STUDENTNUMBER or STUDENT_NUMBER, or"
                    + " the student is not a CTE participant: D2 needs an S_NM_STU_INDUSTRYCRED_C row not yet earned or earned"
                    + " within the school year (%s to %s).%n", id, run.schoolYear().label(), run.schoolYear().firstDay(),
                    run.schoolYear().lastDay());
        }
        out.printf("%nThe records are built for %s.%n", run.ods() != null ? run.ods().describe()
                : "Ed-Fi " + run.json().dataStandard() + " (no Ed-Fi API is set: CTE_ODS_BASE_URL)");
    }

    private static String decision(Outcome outcome) {
        if (outcome.status() == Status.READY) {
            return "READY: passes every rule E1-E9; it would be sent";
        }
        if (outcome.status() == Status.UNCHANGED) {
            return "UNCHANGED: passes every rule E1-E9, and the ODS already has this very record (D12)";
        }
        return outcome.status() + " by " + outcome.reason().rule() + " " + outcome.reason() + ": " + outcome.message();
    }
}
