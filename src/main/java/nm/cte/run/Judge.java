package nm.cte.run;

import java.util.List;
import java.util.Map;
import nm.cte.domain.Candidate;
import nm.cte.domain.EnrollmentPeriod;
import nm.cte.domain.Outcome;
import nm.cte.domain.Reason;
import nm.cte.source.SourceRows;

/** Reads each enrollment period of a batch from its source row and judges it by the rules E1-E9 of the run's school year. */
public final class Judge {

    public void judge(StudentBatch batch) {
        Run run = batch.run();
        for (List<Map<String, Object>> student : batch.students()) {
            for (Map<String, Object> row : student) {
                try {
                    EnrollmentPeriod period = SourceRows.period(row);
                    if (run.options().selects(period)) {
                        batch.add(run.eligibility().judge(period));
                    }
                } catch (IllegalArgumentException | ArithmeticException problem) {
                    batch.add(unreadable(row, problem));
                }
            }
        }
    }

    /** A source row that could not be read is a data exception, and the run goes on (spec section 6). */
    static Candidate unreadable(Map<String, Object> row, RuntimeException problem) {
        String message = SourceRows.describe(row) + " could not be read: " + problem.getMessage();
        return Candidate.decided(null, null, Outcome.of(Reason.BAD_SOURCE_ROW, message));
    }
}
