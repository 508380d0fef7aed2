package nm.cte.ledger;

import java.time.LocalDateTime;
import java.util.List;

/** What an export says of the run as a whole: the summary of D15. */
public record RunOverview(
        long runNumber,
        String mode,
        String selection,
        String schoolYear,
        LocalDateTime started,
        LocalDateTime ended,
        String outcome,
        List<Count> byStatus,
        List<Count> byReason) {

    /** A status or reason code with how many records had it; rule and status are set for reasons only. */
    public record Count(String name, String rule, String status, long count) {
    }
}
