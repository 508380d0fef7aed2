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

    public Candidate track(Candidate candidate, Run run) {
        if (!candidate.qualifies()) {
            return candidate;
        }
        String key = candidate.association().naturalKey().canonical();
        LedgerRecord known = run.ledger().get(key);
        if (known != null) {
            // only the ledger's keys matter to D13, and remembering no others keeps a large run small
            run.produced().add(key);
        }
        // never published, or DEPENDENCY and ERROR, which are tried again on every run
        if (!candidate.isReady() || known == null || !Status.PUBLISHED.name().equals(known.status())) {
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
