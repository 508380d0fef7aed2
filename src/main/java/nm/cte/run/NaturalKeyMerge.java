package nm.cte.run;

import java.util.HashMap;
import java.util.Map;
import nm.cte.domain.CteAssociation;
import nm.cte.domain.Outcome;
import nm.cte.domain.Reason;

/**
 * D10: two candidates with the same natural key are one record. The first is sent; the others are noted with the
 * period they were merged into. Completion is already the same for both (StudentRows takes it over all PowerSchool
 * students that share the state id).
 */
public final class NaturalKeyMerge {

    /**
     * A natural key holds the state id, and a student's periods all come in one batch: the keys of one batch are all
     * that need comparing, whatever the size of the district.
     */
    public void merge(StudentBatch batch) {
        Map<CteAssociation.NaturalKey, Long> periodByKey = new HashMap<>();
        batch.replaceAll(candidate -> {
            if (!candidate.isReady()) {
                return candidate;
            }
            Long first = periodByKey.putIfAbsent(candidate.association().naturalKey(), candidate.period().periodId());
            return first == null ? candidate : candidate.withOutcome(Outcome.of(Reason.DUPLICATE_NATURAL_KEY,
                    "same natural key as enrollment period " + first + ": published as one record"));
        });
    }
}
