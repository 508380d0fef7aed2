package nm.cte.run;

import nm.cte.domain.Outcome;
import nm.cte.ledger.LedgerRecord;

/** A record the ODS holds that this run no longer produces (D13), and what became of deleting it. */
public record Deletion(LedgerRecord record, Outcome outcome) {

    Deletion withOutcome(Outcome newOutcome) {
        return new Deletion(record, newOutcome);
    }
}
