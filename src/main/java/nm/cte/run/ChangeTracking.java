package nm.cte.run;

import java.sql.SQLException;
import nm.cte.domain.Candidate;
import nm.cte.domain.Outcome;
import nm.cte.domain.Status;
import nm.cte.ledger.LedgerRecord;

/**
 * D12: decides, by the run's mode and what the ledger knows, whether a READY record is sent at all. An unchanged
 * record that the ODS already has costs no request.
 */
public final class ChangeTracking {

    /**
     * Asks the ledger for the records of the batch's students (a query per few dozen students), and decides each READY
     * record by what it knows.
     */
    public void track(StudentBatch batch) throws SQLException {
        Run run = batch.run();
        batch.known(run.known(batch.candidates().stream()
                .filter(candidate -> candidate.association() != null)
                .map(candidate -> candidate.association().studentUniqueId())
                .toList()));
        batch.replaceAll(candidate -> track(candidate, batch));
    }

    private static Candidate track(Candidate candidate, StudentBatch batch) {
        if (!candidate.isReady()) {
            return candidate;
        }
        Run run = batch.run();
        LedgerRecord known = batch.known(candidate.association().naturalKey().canonical());
        // never published, or DEPENDENCY and ERROR, which are tried again on every run
        if (known == null || !Status.PUBLISHED.name().equals(known.status())) {
            return candidate;
        }
        return switch (run.options().mode()) {
            case ALL -> candidate;
            case MISSING -> unchanged(candidate, known, "published before: --mode missing sends only what the ODS lacks");
            case CHANGES -> known.payloadHash().equals(RunRecords.payloadHash(candidate.json()))
                    ? unchanged(candidate, known, null)
                    : candidate;
        };
    }

    private static Candidate unchanged(Candidate candidate, LedgerRecord known, String message) {
        return candidate.answered(Outcome.unchanged(message), known.resourceId());
    }
}
