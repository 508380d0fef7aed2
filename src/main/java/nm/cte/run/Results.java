package nm.cte.run;

import nm.cte.domain.Candidate;

/** Records what became of each candidate in the run's summary (D15). */
public final class Results {

    public Candidate count(Candidate candidate, Run run) {
        run.summary().count(candidate.outcome().status(), candidate.outcome().reason());
        return candidate;
    }
}
