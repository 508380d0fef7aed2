package nm.cte.operations;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The metrics count from the moment something shows them (JMX, Prometheus), and not before. */
class PublisherMetricsTest {

    @Test
    void nothingIsCountedBeforeTheMetricsAreShown() {
        try (PublisherMetrics metrics = new PublisherMetrics()) {
            metrics.record("PUBLISHED");
            metrics.odsRequest(Duration.ofMillis(12), 201);
            metrics.redelivery();
            metrics.run(Duration.ofSeconds(3), "completed");

            String text = metrics.prometheusText().get();

            assertFalse(text.contains("cte_"), text);
        }
    }

    @Test
    void whatHappensOnceShownIsCounted() {
        try (PublisherMetrics metrics = new PublisherMetrics()) {
            metrics.record("PUBLISHED");
            Supplier<String> prometheus = metrics.prometheusText();
            metrics.record("PUBLISHED");
            metrics.record("PUBLISHED");

            String text = prometheus.get();

            assertTrue(text.contains("cte_records_total{status=\"PUBLISHED\"} 2.0"), text);
        }
    }
}
