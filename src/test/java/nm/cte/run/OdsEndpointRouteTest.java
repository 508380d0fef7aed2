package nm.cte.run;

import static org.apache.camel.test.junit5.TestSupport.assertIsInstanceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nm.cte.DistrictWithOds;
import nm.cte.PublisherHarness;
import nm.cte.domain.Status;
import nm.cte.ods.OdsEndpoints;
import nm.cte.ods.PlainHttpComponent;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.http.common.HttpMethods;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.spi.InterceptSendToEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The deliver route sends a run's records to the ODS/API's HTTP endpoint that the run resolved once when it opened; a dry
 * run, which sends nothing, resolves none.
 */
class OdsEndpointRouteTest {

    private static final LocalDate AUGUST = LocalDate.of(2026, 8, 12);
    private static final List<String> STUDENTS = List.of("100000001", "100000002", "100000003", "100000004", "100000005");

    @RegisterExtension
    final DistrictWithOds district = new DistrictWithOds(STUDENTS, AUGUST);

    @Test
    void everyRecordOfARunIsPostedThroughTheOneEndpointTheRunResolved() throws Exception {
        List<Object> endpoints = new CopyOnWriteArrayList<>();
        try (PublisherHarness publisher = district.publisher()) {
            publisher.loadDeliveryRoutes();
            AdviceWith.adviceWith(publisher.context(), "deliver", route -> route.weaveByType(ToDynamicDefinition.class).before()
                    .process(exchange -> endpoints.add(exchange.getVariable("endpoints", OdsEndpoints.RunEndpoints.class).postRecord())));

            Run run = publisher.publish();

            assertEquals(STUDENTS.size(), run.summary().count(Status.PUBLISHED), run.summary().statusCounts());
            assertEquals(STUDENTS.size(), endpoints.size());
            Object endpoint = endpoints.get(0);
            // the endpoint as ods-pace's interceptor wraps it, so that the pace applies to it too
            HttpEndpoint http = assertIsInstanceOf(HttpEndpoint.class,
                    assertIsInstanceOf(InterceptSendToEndpoint.class, endpoint).getOriginalEndpoint());
            assertEquals(run.associationsUrl(), http.getHttpUri().toString());
            assertEquals(HttpMethods.POST, http.getHttpMethod());
            endpoints.forEach(each -> assertSame(endpoint, each, "a record sent through another endpoint"));
        }
    }

    @Test
    void aDryRunResolvesNoHttpEndpoint() throws Exception {
        try (PublisherHarness publisher = district.publisher()) {
            Run run = publisher.dryRun();

            assertEquals(STUDENTS.size(), run.summary().count(Status.READY), run.summary().statusCounts());
            assertTrue(publisher.context().getEndpoints().stream().noneMatch(endpoint -> endpoint.getEndpointUri().startsWith("http")),
                    publisher.context().getEndpoints().toString());
        }
    }

    @Test
    void anHttpOdsIsServedByTheComponentWithoutTlsAndWithTheOperatorsConnections() throws Exception {
        List<Object> endpoints = new CopyOnWriteArrayList<>();
        try (PublisherHarness publisher = district.publisher("cte.ods.max-connections", "3")) {
            publisher.loadDeliveryRoutes();
            AdviceWith.adviceWith(publisher.context(), "deliver", route -> route.weaveByType(ToDynamicDefinition.class).before()
                    .process(exchange -> endpoints.add(exchange.getVariable("endpoints", OdsEndpoints.RunEndpoints.class).postRecord())));

            Run run = publisher.publish();

            assertEquals(STUDENTS.size(), run.summary().count(Status.PUBLISHED), run.summary().statusCounts());
            HttpEndpoint http = assertIsInstanceOf(HttpEndpoint.class,
                    assertIsInstanceOf(InterceptSendToEndpoint.class, endpoints.get(0)).getOriginalEndpoint());
            PlainHttpComponent component = assertIsInstanceOf(PlainHttpComponent.class, http.getComponent());
            assertEquals(3, component.getMaxTotalConnections());
            assertEquals(3, component.getConnectionsPerRoute());
        }
    }
}
