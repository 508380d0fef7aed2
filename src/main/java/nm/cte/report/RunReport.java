package nm.cte.report;

import java.io.PrintStream;
import java.util.List;
import nm.cte.domain.Candidate;
import nm.cte.domain.EnrollmentPeriod;
import nm.cte.domain.Reason;
import nm.cte.domain.Status;
import nm.cte.ledger.LedgerRecord;
import nm.cte.run.Deletion;
import nm.cte.run.RecordPrinter;
import nm.cte.run.Run;
import nm.cte.run.RunSummary;
import nm.cte.run.StudentBatch;

/** Prints what a run decided for people: a line per record in a dry run, and the summary at the end. */
public final class RunReport implements RecordPrinter {

    private final PrintStream out;

    public RunReport(PrintStream out) {
        this.out = out;
    }

    /** One line per candidate: status, reason, who and where, then the message or the JSON that would be sent. */
    @Override
    public void printRecord(Candidate candidate, StudentBatch batch) {
        out.print(line(candidate, new StringBuilder()));
    }

    /** A batch's lines in one write, so that batches printed at once never interleave and a million lines stay cheap. */
    @Override
    public void printRecords(StudentBatch batch) {
        StringBuilder lines = new StringBuilder(batch.candidates().size() * 300);
        for (Candidate candidate : batch.candidates()) {
            line(candidate, lines);
        }
        out.print(lines);
    }

    private static StringBuilder line(Candidate candidate, StringBuilder line) {
        String reason = candidate.outcome().reason() == null ? "" : candidate.outcome().reason().name();
        String detail = candidate.json() != null && candidate.isReady() ? candidate.json().toString() : candidate.outcome().message();
        padded(line, candidate.outcome().status().name(), 14);
        padded(line, reason, 26);
        return line.append(describe(candidate)).append(" | ").append(detail).append(System.lineSeparator());
    }

    /** As printf's %-Ns and a space. */
    private static void padded(StringBuilder line, String text, int width) {
        line.append(text);
        for (int i = text.length(); i < width; i++) {
            line.append(' ');
        }
        line.append(' ');
    }

    /** One line per deletion (D13), the record as the ledger remembers it. */
    @Override
    public void printRecord(Deletion deletion, Run run) {
        LedgerRecord record = deletion.record();
        String reason = deletion.outcome().reason() == null ? "" : deletion.outcome().reason().name();
        out.printf("%-14s %-26s %s (PS %s, state %s) %s entered %s, ODS id %s | %s%n", deletion.outcome().status(), reason,
                record.studentName(), record.studentNumber(), record.studentUniqueId(), record.schoolName(), record.entryDate(),
                record.resourceId(), deletion.outcome().message());
    }

    public void printSummary(Run run) {
        RunSummary summary = run.summary();
        out.printf("%nSummary of %s%s: school year %s, %d candidate enrollment periods, %.1f s%n",
                run.options().dryRun() ? "a dry run (nothing sent, ledger unchanged)" : "run " + run.number(),
                run.options().isSelective() ? " for " + run.options().selection() : "", run.schoolYear().label(),
                summary.candidates(), summary.duration().toMillis() / 1000.0);
        for (Status status : Status.values()) {
            if (summary.count(status) > 0) {
                out.printf("  %-16s %8d%n", status, summary.count(status));
            }
        }
        if (summary.heldDeletions() != null) {
            out.println("Deletion guard: " + summary.heldDeletions());
        }
        if (!summary.reasons().isEmpty()) {
            out.println("By reason:");
            for (Reason reason : summary.reasons()) {
                out.printf("  %-26s %-4s %-14s %8d%n", reason, reason.rule(), reason.status(), summary.count(reason));
            }
        }
        List<Candidate> errors = summary.firstErrors();
        if (!errors.isEmpty()) {
            long all = summary.count(Status.ERROR);
            out.println(all > errors.size() ? "The first " + errors.size() + " of " + all + " records in ERROR (all of them are in the export):"
                    : "Records in ERROR:");
            for (Candidate candidate : errors) {
                out.println("  " + describe(candidate) + ": " + candidate.outcome().reason() + " " + candidate.outcome().message());
            }
        }
    }

    private static String describe(Candidate candidate) {
        EnrollmentPeriod period = candidate.period();
        if (period == null) {
            return "(unreadable row)";
        }
        EnrollmentPeriod.Student student = period.student();
        String school = candidate.school() == null ? "school " + period.enrollmentSchoolNumber() : candidate.school().name();
        return student.lastName() + ", " + student.firstName() + " (PS " + student.studentNumber() + ", state "
                + (student.studentUniqueId().isEmpty() ? "-" : student.studentUniqueId()) + ") " + school + " entered "
                + period.entryDate();
    }
}
