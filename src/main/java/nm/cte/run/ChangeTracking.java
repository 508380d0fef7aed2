package nm.cte.run;

import nm.cte.domain.Candidate;
import nm.cte.domain.Outcome;
import nm.cte.domain.Status;
import nm.cte.ledger.LedgerRecord;

/**
 * D12: decides, by the run's mode and what the ledger knows, whether a READY record is sent at all. An unchanged
 * record that the ODS already has costs no request.
 */
public final class ChangeTracking {

    public void track(StudentBatch batch) {
        Run run = batch.run();
        batch.replaceAll(candidate -> track(candidate, run));
    }

    private static Candidate track(Candidate candidate, Run run) {
        if (!candidate.isReady()) {
            return candidate;
        }
        LedgerRecord known = run.ledger().get(candidate.association().naturalKey().canonical());
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
