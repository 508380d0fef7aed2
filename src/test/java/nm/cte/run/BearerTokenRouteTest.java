package nm.cte.run;

import static nm.cte.PublisherHarness.CLIENT_ID;
import static nm.cte.PublisherHarness.CLIENT_SECRET;
import static org.apache.camel.test.junit5.TestSupport.assertStringContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nm.cte.PowerSchoolFixture;
import nm.cte.PublisherHarness;
import nm.cte.domain.Status;
import nm.cte.sandbox.Route;
import nm.cte.sandbox.SandboxOds;
import nm.cte.sandbox.SandboxOptions;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.spi.BacklogTracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The access token of D11 lives inside the HTTP client of the deliver route: renewed when the ODS refuses it mid-run,
 * and never part of a message that a trace could show.
 */
class BearerTokenRouteTest {

    private static final LocalDate AUGUST = LocalDate.of(2026, 8, 12);

    private final List<String> students = new ArrayList<>();
    private PowerSchoolFixture source;
    private SandboxOds ods;

    @BeforeEach
    void district() throws Exception {
        source = PowerSchoolFixture.district();
        for (int i = 0; i < 12; i++) {
            String student = String.valueOf(100000001 + i);
            source.credential(source.student(student, 100, AUGUST), null, false);
            students.add(student);
        }
        ods = SandboxOds.start(SandboxOptions.defaults(CLIENT_ID, CLIENT_SECRET));
        ods.addStudents(students);
    }

    @AfterEach
    void stop() {
        ods.close();
    }

    @Test
    void tokenRefusedMidRunIsRenewedOnceAndTheRequestRepeated() throws Exception {
        ods.faults().latency(Duration.ofMillis(40));
        try (PublisherHarness publisher = new PublisherHarness(source.url(), PublisherHarness.sandbox(ods, "cte.ods.max-connections", "1"))) {
            NotifyBuilder thirdRecordDone = new NotifyBuilder(publisher.context()).wereSentTo("direct:deliver").whenDone(3).create();

            CompletableFuture<Run> running = CompletableFuture.supplyAsync(publisher::publish);
            assertTrue(thirdRecordDone.matches(20, TimeUnit.SECONDS), "three records were delivered");
            ods.faults().revokeAllTokens();
            Run run = running.get(60, TimeUnit.SECONDS);

            assertEquals(students.size(), run.summary().count(Status.PUBLISHED), run.summary().statusCounts());
            long refused = ods.stats().responses(401);
            assertTrue(refused >= 1, ods.stats().toString());
            assertEquals(2, ods.stats().tokensIssued(), ods.stats().toString());
            // each refused request was sent again with the new token, and nothing else twice
            assertEquals(students.size() + refused, ods.stats().requests(Route.POST_ASSOCIATION), ods.stats().toString());
        }
    }

    @Test
    void tokenNeverAppearsInATracedExchange() throws Exception {
        try (PublisherHarness publisher = new PublisherHarness(source.url(), PublisherHarness.sandbox(ods, "camel.trace.enabled", "true"))) {
            BacklogTracer tracer = publisher.context().getCamelContextExtension().getContextPlugin(BacklogTracer.class);
            tracer.setBacklogSize(1000);
            tracer.setIncludeExchangeProperties(true);
            tracer.setIncludeExchangeVariables(true);
            ods.faults().revokeRate(0.3);

            Run run = publisher.publish();

            assertEquals(students.size(), run.summary().count(Status.PUBLISHED), run.summary().statusCounts());
            String traced = tracer.dumpAllTracedMessagesAsJSon();
            assertStringContains(traced, "studentCTEProgramAssociations");
            assertStringContains(traced, "CamelHttpResponseCode");
            assertTrue(ods.stats().tokensIssued() > 1, ods.stats().toString());
            for (String token : ods.issuedTokens()) {
                assertFalse(traced.contains(token), "a token shows in the trace");
            }
            assertFalse(traced.contains(CLIENT_SECRET), "the client secret shows in the trace");
            assertFalse(traced.contains("Bearer"), "an Authorization header shows in the trace");
        }
    }
}
