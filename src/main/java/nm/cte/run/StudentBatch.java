package nm.cte.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import nm.cte.domain.Candidate;
import nm.cte.ledger.LedgerRecord;

/**
 * The enrollment periods of a few hundred whole students, judged, built and tracked together: the unit a run works
 * in, so that only the records it sends cost a message each. A student's periods are never split between two batches,
 * which D10's merge of natural keys relies on.
 */
public final class StudentBatch {

    /** About this many periods make a batch: small beside any heap, large enough that a batch's steps cost nothing. */
    static final int PERIODS = 256;

    private final Run run;
    private final List<List<Map<String, Object>>> students;
    private final List<Candidate> candidates;
    private Map<String, LedgerRecord> known = Map.of();

    StudentBatch(Run run, List<List<Map<String, Object>>> students, int periods) {
        this.run = run;
        this.students = students;
        this.candidates = new ArrayList<>(periods);
    }

    public Run run() {
        return run;
    }

    /** The source rows, one list per student. */
    List<List<Map<String, Object>>> students() {
        return students;
    }

    void add(Candidate candidate) {
        candidates.add(candidate);
    }

    /** Each candidate as the step made it. */
    void replaceAll(UnaryOperator<Candidate> step) {
        candidates.replaceAll(step);
    }

    public List<Candidate> candidates() {
        return candidates;
    }

    /** What the ledger knew of the batch's records when the batch was tracked (D12), by natural key. */
    void known(Map<String, LedgerRecord> records) {
        this.known = records;
    }

    /** The ledger's record with this natural key, as it was when the batch was tracked; null: never recorded. */
    public LedgerRecord known(String naturalKey) {
        return known.get(naturalKey);
    }

    /**
     * The READY records, which go to the ODS/API one by one; none in a dry run (D11), and no more once the run is
     * stopped (the ODS stopped answering), like the source's rows.
     */
    public Iterator<Candidate> toSend() {
        if (run.options().dryRun()) {
            return Collections.emptyIterator();
        }
        return new UntilStopped<>(candidates.stream().filter(Candidate::isReady).iterator(), run::stopped);
    }

    /** What is recorded with the batch: every candidate but those sent, which are recorded with the ODS's answer. */
    List<Candidate> notSent() {
        return run.options().dryRun() ? candidates : candidates.stream().filter(candidate -> !candidate.isReady()).toList();
    }
}
