package nm.cte.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import nm.cte.DistrictWithOds;
import nm.cte.PublisherHarness;
import nm.cte.domain.Status;
import nm.cte.run.Run;
import nm.cte.run.RunOptions;
import nm.cte.sandbox.Route;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.InterceptSendToEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The routes that send are made by a process's first run that sends, and never by one that sends nothing. */
class DeliveryRoutesTest {

    private static final List<String> STUDENTS = List.of("100000001", "100000002", "100000003");

    @RegisterExtension
    final DistrictWithOds district = new DistrictWithOds(STUDENTS, LocalDate.of(2026, 8, 12));

    @Test
    void theFirstRunThatSendsLoadsTheRoutesThatSend() throws Exception {
        try (PublisherHarness publisher = district.publisher()) {
            assertNull(publisher.context().getRoute("deliver"), "a publisher that has not sent has the routes that send");

            Run run = publisher.publish();

            assertEquals(STUDENTS.size(), run.summary().count(Status.PUBLISHED), run.summary().statusCounts());
            assertNotNull(publisher.context().getRoute("deliver"));
            assertNotNull(publisher.context().getRoute("delete"));
        }
    }

    @Test
    void theFirstRunsEndpointsArePaced() throws Exception {
        try (PublisherHarness publisher = district.publisher()) {
            publisher.publish();

            List<Endpoint> http = publisher.context().getEndpoints().stream()
                    .filter(endpoint -> endpoint.getEndpointUri().startsWith("http")).toList();
            assertEquals(3, http.size(), http.toString());
            // ods-pace's interceptor (routes/ods-pace.yaml) wraps every HTTP endpoint
            http.forEach(endpoint -> assertInstanceOf(InterceptSendToEndpoint.class, endpoint, endpoint.getEndpointUri()));
        }
    }

    @Test
    void aSecondRunUsesTheRoutesTheFirstLoaded() throws Exception {
        try (PublisherHarness publisher = district.publisher()) {
            publisher.publish();

            Run second = publisher.run(new RunOptions(RunOptions.Mode.ALL, null, null, false, false));

            assertEquals(STUDENTS.size(), second.summary().count(Status.PUBLISHED), second.summary().statusCounts());
            assertEquals(2 * STUDENTS.size(), district.ods().stats().requests(Route.POST_ASSOCIATION));
        }
    }

    @Test
    void aDryRunLoadsNoRouteThatSends() throws Exception {
        try (PublisherHarness publisher = district.publisher()) {
            Run run = publisher.dryRun();

            assertEquals(STUDENTS.size(), run.summary().count(Status.READY), run.summary().statusCounts());
            assertNull(publisher.context().getRoute("deliver"));
        }
        assertEquals(0, district.ods().stats().requests(Route.POST_ASSOCIATION));
    }

    @Test
    void routesThatCannotBeLoadedStopTheRunSayingWhy() throws Exception {
        try (PublisherHarness publisher = district.publisher("cte.delivery.routes", "classpath:routes/no-such-routes.yaml")) {
            CamelExecutionException failed = assertThrows(CamelExecutionException.class, publisher::publish);

            String why = String.valueOf(failed.getCause().getMessage());
            assertTrue(why.contains("the routes of [classpath:routes/no-such-routes.yaml] could not be loaded"), why);
        }
        assertEquals(0, district.ods().stats().requests(Route.POST_ASSOCIATION));
    }
}
