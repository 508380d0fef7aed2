package nm.cte.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The metrics as Prometheus text on loopback. */
class MetricsEndpointTest {

    @Test
    void metricsAreServedAsPrometheusText() throws Exception {
        try (PublisherMetrics metrics = new PublisherMetrics(); MetricsEndpoint endpoint = MetricsEndpoint.start(0, metrics)) {
            metrics.record("PUBLISHED");
            metrics.record("PUBLISHED");
            metrics.odsRequest(Duration.ofMillis(12), 201);
            metrics.redelivery();
            metrics.run(Duration.ofSeconds(3), "completed");

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(200, response.statusCode());
            String text = response.body();
            assertTrue(text.contains("cte_records_total{status=\"PUBLISHED\"} 2.0"), text);
            assertTrue(text.contains("cte_ods_requests_seconds_count{status=\"201\"} 1"), text);
            assertTrue(text.contains("cte_ods_redeliveries_total 1.0"), text);
            assertTrue(text.contains("cte_runs_seconds_count{outcome=\"completed\"} 1"), text);
        }
    }

    @Test
    void metricsAreVisibleOverJmx() throws Exception {
        try (PublisherMetrics metrics = new PublisherMetrics()) {
            metrics.overJmx();
            metrics.record("DEPENDENCY");

            java.util.Set<javax.management.ObjectName> names = java.lang.management.ManagementFactory.getPlatformMBeanServer()
                    .queryNames(new javax.management.ObjectName("metrics:*"), null);

            assertTrue(names.stream().anyMatch(name -> name.toString().contains("cteRecords")), names.toString());
        }
    }
}
