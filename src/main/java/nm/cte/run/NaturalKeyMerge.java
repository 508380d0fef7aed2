package nm.cte.run;

import java.util.HashMap;
import java.util.Map;
import nm.cte.domain.Candidate;
import nm.cte.domain.CteAssociation;
import nm.cte.domain.Outcome;
import nm.cte.domain.Reason;

/**
 * D10: two candidates with the same natural key are one record. The first is sent; the others are noted with the
 * period they were merged into. Completion is already the same for both (enrollment-periods.sql takes it over all
 * PowerSchool students that share the state id).
 */
public final class NaturalKeyMerge {

    /**
     * The natural keys of one student's records so far: the source hands over one student at a time (StudentRows),
     * so only one student's keys are kept, whatever the size of the district.
     */
    public static final class Seen {
        private final Map<CteAssociation.NaturalKey, Long> periodByKey = new HashMap<>();

        private Long firstPeriodWith(CteAssociation association, long periodId) {
            return periodByKey.putIfAbsent(association.naturalKey(), periodId);
        }
    }

    /** A new student: nothing seen yet. */
    public Seen seen() {
        return new Seen();
    }

    public Candidate merge(Candidate candidate, Seen seen) {
        if (!candidate.isReady()) {
            return candidate;
        }
        Long first = seen.firstPeriodWith(candidate.association(), candidate.period().periodId());
        if (first == null) {
            return candidate;
        }
        return candidate.withOutcome(Outcome.of(Reason.DUPLICATE_NATURAL_KEY,
                "same natural key as enrollment period " + first + ": published as one record"));
    }
}
