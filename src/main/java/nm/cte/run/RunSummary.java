package nm.cte.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import nm.cte.domain.Candidate;
import nm.cte.domain.Reason;
import nm.cte.domain.Status;

/**
 * The counts of D15's summary: candidates by status and by reason, how long the run took, and the first records that
 * ended ERROR, to show after it (the export has them all).
 */
public final class RunSummary {

    /** How many ERROR records the summary shows. */
    static final int ERRORS_SHOWN = 20;

    private final Instant started;
    private final Map<Status, LongAdder> byStatus = new EnumMap<>(Status.class);
    private final Map<Reason, LongAdder> byReason = new EnumMap<>(Reason.class);
    private volatile Instant finished;
    private volatile String heldDeletions;
    private final List<Candidate> firstErrors = new ArrayList<>();

    /** @param started when the run began: before it read the ledger and the source */
    public RunSummary(Instant started) {
        this.started = started;
        for (Status status : Status.values()) {
            byStatus.put(status, new LongAdder());
        }
        for (Reason reason : Reason.values()) {
            byReason.put(reason, new LongAdder());
        }
    }

    void count(Status status, Reason reason) {
        byStatus.get(status).increment();
        if (reason != null) {
            byReason.get(reason).increment();
        }
    }

    /** A record that ended ERROR: kept while fewer than {@link #ERRORS_SHOWN} are. */
    synchronized void error(Candidate candidate) {
        if (firstErrors.size() < ERRORS_SHOWN) {
            firstErrors.add(candidate);
        }
    }

    /** The first records that ended ERROR, at most {@link #ERRORS_SHOWN}. */
    public synchronized List<Candidate> firstErrors() {
        return List.copyOf(firstErrors);
    }

    void holdDeletions(String why) {
        heldDeletions = why;
    }

    /** Why the mass-delete guard held this run's deletions back (D13), or null. */
    public String heldDeletions() {
        return heldDeletions;
    }

    /** The counts by status name, for the ledger. */
    public Map<String, Long> byStatus() {
        Map<String, Long> counts = new java.util.HashMap<>();
        byStatus.forEach((status, count) -> counts.put(status.name(), count.sum()));
        return counts;
    }

    void finish() {
        finished = Instant.now();
    }

    /** The enrollment periods the run judged: every record but its deletions. */
    public long candidates() {
        return byStatus.values().stream().mapToLong(LongAdder::sum).sum() - count(Status.DELETED);
    }

    public long count(Status status) {
        return byStatus.get(status).sum();
    }

    public long count(Reason reason) {
        return byReason.get(reason).sum();
    }

    /** The reasons that occurred, the most frequent first. */
    public List<Reason> reasons() {
        return byReason.keySet().stream()
                .filter(reason -> count(reason) > 0)
                .sorted(Comparator.comparingLong((Reason reason) -> count(reason)).reversed().thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    public Instant started() {
        return started;
    }

    /** When the run ended, or null while it runs. */
    public Instant finished() {
        return finished;
    }

    /** The counts by status on one line, e.g. "PUBLISHED 456, EXCLUDED 104", for logs and JMX. */
    public String statusCounts() {
        return java.util.Arrays.stream(Status.values())
                .filter(status -> count(status) > 0)
                .map(status -> status + " " + count(status))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    public Duration duration() {
        return Duration.between(started, finished == null ? Instant.now() : finished);
    }
}
