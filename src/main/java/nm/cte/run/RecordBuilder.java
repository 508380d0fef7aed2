package nm.cte.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nm.cte.domain.Candidate;
import nm.cte.domain.Outcome;
import nm.cte.domain.Reason;

/** Shapes a qualified candidate for the run's Data Standard and checks it against that standard's schema (D10). */
public final class RecordBuilder {

    public Candidate build(Candidate candidate, Run run) {
        if (!candidate.isReady()) {
            return candidate;
        }
        ObjectNode json = run.json().toJson(candidate.association());
        Candidate built = candidate.withJson(json.toString());
        String problems = run.schema().problems(json);
        return problems.isEmpty() ? built : built.withOutcome(Outcome.of(Reason.SCHEMA_INVALID, problems));
    }
}
