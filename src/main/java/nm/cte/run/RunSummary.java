package nm.cte.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import nm.cte.domain.Reason;
import nm.cte.domain.Status;

/** The counts of D15's summary: candidates by status and by reason, and how long the run took. */
public final class RunSummary {

    private final Instant started = Instant.now();
    private final Map<Status, LongAdder> byStatus = new EnumMap<>(Status.class);
    private final Map<Reason, LongAdder> byReason = new EnumMap<>(Reason.class);
    private volatile Instant finished;

    public RunSummary() {
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

    void finish() {
        finished = Instant.now();
    }

    public long candidates() {
        return byStatus.values().stream().mapToLong(LongAdder::sum).sum();
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

    public Duration duration() {
        return Duration.between(started, finished == null ? Instant.now() : finished);
    }
}
