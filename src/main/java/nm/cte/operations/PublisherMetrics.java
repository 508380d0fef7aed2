package nm.cte.operations;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.jmx.JmxConfig;
import io.micrometer.jmx.JmxMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import nm.cte.run.RunMetrics;

/**
 * The publisher's metrics: records by status, ODS request latency, redeliveries and run
 * duration, visible over JMX (domain {@code metrics}) when asked and as Prometheus text.
 */
public final class PublisherMetrics implements RunMetrics, AutoCloseable {

    private PrometheusMeterRegistry prometheus;
    private JmxMeterRegistry jmx;
    /**
     * Made with the first registry that shows the metrics (JMX, Prometheus): a command with neither, a run or explain
     * without JMX or a metrics port, counts nothing and does not load Micrometer, a part of its start and of each record.
     */
    private volatile CompositeMeterRegistry registry;
    private final Map<String, Counter> records = new ConcurrentHashMap<>();
    private final Map<Integer, Timer> requests = new ConcurrentHashMap<>();

    @Override
    public void record(String status) {
        CompositeMeterRegistry shown = registry;
        if (shown != null) {
            // looked up once a status: a run counts every record, and a registry lookup costs more than the count
            records.computeIfAbsent(status, name -> shown.counter("cte.records", "status", name)).increment();
        }
    }

    /** One request to the ODS took this long and got this status (0: no answer). */
    public void odsRequest(Duration took, int status) {
        CompositeMeterRegistry shown = registry;
        if (shown != null) {
            requests.computeIfAbsent(status, code -> Timer.builder("cte.ods.requests").tag("status", Integer.toString(code))
                    .publishPercentileHistogram(false).register(shown)).record(took);
        }
    }

    @Override
    public void redelivery() {
        CompositeMeterRegistry shown = registry;
        if (shown != null) {
            shown.counter("cte.ods.redeliveries").increment();
        }
    }

    @Override
    public void run(Duration took, String outcome) {
        CompositeMeterRegistry shown = registry;
        if (shown != null) {
            Timer.builder("cte.runs").tag("outcome", outcome).register(shown).record(took);
        }
    }

    /**
     * The metrics in Prometheus' text format, from now on: the registry that keeps them is made by the first call, so
     * that a command nobody scrapes does not load it (it counts only what happens after it is made).
     */
    public synchronized Supplier<String> prometheusText() {
        if (prometheus == null) {
            prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            shownBy(prometheus);
        }
        return prometheus::scrape;
    }

    /**
     * The metrics as MBeans of domain {@code metrics}, from now on: for a process whose Camel has JMX on (serve), since
     * the registry's hundreds of classes were a large part of every other command's start.
     */
    public synchronized void overJmx() {
        if (jmx == null) {
            jmx = new JmxMeterRegistry(JmxConfig.DEFAULT, Clock.SYSTEM);
            shownBy(jmx);
        }
    }

    private void shownBy(MeterRegistry shown) {
        if (registry == null) {
            registry = new CompositeMeterRegistry(Clock.SYSTEM);
        }
        registry.add(shown);
    }

    @Override
    public synchronized void close() {
        if (registry != null) {
            registry.close();
        }
    }
}
