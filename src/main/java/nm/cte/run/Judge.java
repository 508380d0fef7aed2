package nm.cte.run;

import java.util.Map;
import nm.cte.domain.Candidate;
import nm.cte.domain.Outcome;
import nm.cte.domain.Reason;
import nm.cte.source.SourceRows;

/** Reads one enrollment period from its source row and judges it by the rules E1-E9 of the run's school year. */
public final class Judge {

    public Candidate judge(Map<String, Object> row, Run run) {
        return run.eligibility().judge(SourceRows.period(row));
    }

    /** A source row that could not be read is a data exception, and the run goes on (spec section 6). */
    public Candidate unreadable(Map<String, Object> row, Exception problem) {
        String message = SourceRows.describe(row) + " could not be read: " + problem.getMessage();
        return Candidate.decided(null, null, Outcome.of(Reason.BAD_SOURCE_ROW, message));
    }
}
