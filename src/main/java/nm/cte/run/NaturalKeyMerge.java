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
     * The keys of the student being read. The source is sorted by student, so only one student's keys are ever
     * kept, whatever the size of the district.
     */
    static final class Seen {
        private String student;
        private final Map<CteAssociation.NaturalKey, Long> periodByKey = new HashMap<>();

        synchronized Long firstPeriodWith(CteAssociation association, long periodId) {
            if (!association.studentUniqueId().equals(student)) {
                student = association.studentUniqueId();
                periodByKey.clear();
            }
            return periodByKey.putIfAbsent(association.naturalKey(), periodId);
        }
    }

    public Candidate merge(Candidate candidate, Run run) {
        if (!candidate.isReady()) {
            return candidate;
        }
        Long first = run.seenKeys().firstPeriodWith(candidate.association(), candidate.period().periodId());
        if (first == null) {
            return candidate;
        }
        return candidate.withOutcome(Outcome.of(Reason.DUPLICATE_NATURAL_KEY,
                "same natural key as enrollment period " + first + ": published as one record"));
    }
}
