package nm.cte.run;

import java.sql.SQLException;
import nm.cte.domain.Candidate;
import nm.cte.domain.Status;
import nm.cte.ledger.LedgerRecord;

/** Records what became of each candidate and each deletion: the run's summary, its result rows and the ledger (D12, D15). */
public final class Results {

    public Candidate count(Candidate candidate, Run run) throws SQLException {
        run.summary().count(candidate.outcome().status(), candidate.outcome().reason());
        LedgerRecord known = candidate.qualifies() ? run.ledger().get(candidate.association().naturalKey().canonical()) : null;
        run.writes().add(RunRecords.record(candidate, known), RunRecords.result(candidate, known));
        return candidate;
    }

    public Deletion count(Deletion deletion, Run run) throws SQLException {
        run.summary().count(deletion.outcome().status(), deletion.outcome().reason());
        LedgerRecord learned = deletion.outcome().status() == Status.DELETED
                ? RunRecords.deleted(deletion.record(), deletion.outcome().message())
                : null;
        run.writes().add(learned, RunRecords.result(deletion.record(), deletion.outcome()));
        return deletion;
    }
}
