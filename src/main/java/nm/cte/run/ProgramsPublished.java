package nm.cte.run;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nm.cte.domain.Outcome;
import nm.cte.domain.Status;
import nm.cte.domain.ProgramReference;
import nm.cte.ods.OdsCredentialsRefusedException;
import nm.cte.ods.OdsUnavailableException;
import nm.cte.ods.OdsUnreachableException;

/** The Programs a run has upserted (D11): each one once, before any of its associations, however many threads send. */
final class ProgramsPublished {

    /** One upsert of a Program. */
    interface Upsert {
        Outcome upsert(ProgramReference program) throws OdsUnavailableException, OdsUnreachableException, OdsCredentialsRefusedException;
    }

    private final Map<ProgramReference, Outcome> published = new ConcurrentHashMap<>();

    /**
     * Upserts the program the first time it is asked for; other threads asking meanwhile wait for that answer. A
     * failed attempt is not remembered, so the next record tries again.
     */
    Outcome publishOnce(ProgramReference program, Upsert upsert)
            throws OdsUnavailableException, OdsUnreachableException, OdsCredentialsRefusedException {
        Outcome known = published.get(program);
        if (known != null) {
            return known;
        }
        synchronized (this) {
            known = published.get(program);
            if (known == null) {
                known = upsert.upsert(program);
                if (known.status() == Status.PUBLISHED) {
                    published.put(program, known);
                }
            }
            return known;
        }
    }
}
