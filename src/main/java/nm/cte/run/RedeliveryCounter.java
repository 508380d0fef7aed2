package nm.cte.run;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Counts each redelivery of a request to the ODS, for the metrics. */
public final class RedeliveryCounter implements Processor {

    private final RunMetrics metrics;

    public RedeliveryCounter(RunMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) {
        metrics.redelivery();
    }
}
