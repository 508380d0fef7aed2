package nm.cte.run;

import java.sql.SQLException;
import nm.cte.domain.Candidate;
import nm.cte.domain.Status;
import nm.cte.ledger.LedgerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records what became of each candidate and each deletion: the run's summary, its result rows and the ledger (D12, D15). */
public final class Results {

    private static final Logger LOG = LoggerFactory.getLogger(Results.class);

    private final RunMetrics metrics;

    public Results(RunMetrics metrics) {
        this.metrics = metrics;
    }

    /** Every candidate of a batch but those sent, which are counted with the ODS's answer. */
    public void countNotSent(StudentBatch batch) throws SQLException {
        for (Candidate candidate : batch.notSent()) {
            count(candidate, batch);
        }
    }

    /** A candidate of the batch, as it ended: sent and answered, or decided without the ODS. */
    public Candidate count(Candidate candidate, StudentBatch batch) throws SQLException {
        Run run = batch.run();
        run.summary().count(candidate.outcome().status(), candidate.outcome().reason());
        if (candidate.outcome().status() == Status.ERROR) {
            run.summary().error(candidate);
        }
        metrics.record(candidate.outcome().status().name());
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} period {}: {}", candidate.outcome().status(), candidate.outcome().reason() == null ? "" : candidate.outcome().reason(),
                    candidate.period() == null ? "-" : candidate.period().periodId(), candidate.outcome().message());
        }
        LedgerRecord known = null;
        LedgerRecord learned = null;
        if (candidate.qualifies()) {
            String key = candidate.association().naturalKey().canonical();
            known = batch.known(key);
            if (known != null) {
                run.produced(key, known);
            }
            learned = RunRecords.record(candidate, key, known);
        }
        run.writes().add(learned, known != null, RunRecords.result(candidate, known));
        return candidate;
    }

    public Deletion countDeletion(Deletion deletion, Run run) throws SQLException {
        run.summary().count(deletion.outcome().status(), deletion.outcome().reason());
        metrics.record(deletion.outcome().status().name());
        LedgerRecord learned = deletion.outcome().status() == Status.DELETED
                ? RunRecords.deleted(deletion.record(), deletion.outcome().message())
                : null;
        run.writes().add(learned, true, RunRecords.result(deletion.record(), deletion.outcome()));
        return deletion;
    }
}
