package nm.cte.run;

import java.time.Duration;

/** What a run counts for the operator's metrics; the run declares it, the operations package keeps and shows it. */
public interface RunMetrics {

    /** A record of a run ended with this status. */
    void record(String status);

    /** A request to the ODS is sent again. */
    void redelivery();

    /** A run ended with this outcome ("completed", "failed") after this long. */
    void run(Duration took, String outcome);
}
