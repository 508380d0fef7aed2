package nm.cte.run;

import nm.cte.domain.Candidate;
import nm.cte.domain.Outcome;
import nm.cte.domain.Reason;

/** Shapes each qualified candidate of a batch for the run's Data Standard, and checks what is sent against that standard's schema (D10). */
public final class RecordBuilder {

    public void build(StudentBatch batch) {
        Run run = batch.run();
        batch.replaceAll(candidate -> candidate.isReady() ? candidate.withJson(run.json().toJson(candidate.association()))
                : candidate);
    }

    /**
     * The schema check of the records still READY: one the ODS already holds unchanged was checked when it was sent,
     * and checking only what is sent keeps an unchanged re-run cheap.
     */
    public void check(StudentBatch batch) {
        Run run = batch.run();
        batch.replaceAll(candidate -> {
            if (!candidate.isReady()) {
                return candidate;
            }
            String problems = run.schema().problems(candidate.json());
            return problems.isEmpty() ? candidate : candidate.withOutcome(Outcome.of(Reason.SCHEMA_INVALID, problems));
        });
    }
}
