package nm.cte.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import nm.cte.PowerSchoolFixture;
import nm.cte.PublisherHarness;
import nm.cte.domain.Status;
import nm.cte.sandbox.SandboxOds;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run's messages pass its routes without Camel making an event of each: Camel makes them for every exchange and every
 * step once one event notifier of the context takes exchange events, and none of the publisher's needs them.
 */
class ExchangeEventsTest {

    private static final List<String> STUDENTS = List.of("100000001", "100000002");

    private PowerSchoolFixture source;
    private SandboxOds ods;

    @BeforeEach
    void district() throws Exception {
        source = PowerSchoolFixture.districtOf(STUDENTS, LocalDate.of(2026, 8, 12));
        ods = PublisherHarness.sandboxKnowing(source);
    }

    @AfterEach
    void stopOds() {
        ods.close();
    }

    @Test
    void aPublishingRunMakesNoEventOfEachMessage() throws Exception {
        try (PublisherHarness publisher = new PublisherHarness(source.url(), PublisherHarness.sandbox(ods))) {
            Run run = publisher.publish();

            assertEquals(STUDENTS.size(), run.summary().count(Status.PUBLISHED), run.summary().statusCounts());
            assertNoExchangeEvents(publisher.context());
        }
    }

    private static void assertNoExchangeEvents(CamelContext context) {
        String takingThem = context.getManagementStrategy().getEventNotifiers().stream()
                .filter(notifier -> !notifier.isIgnoreExchangeEvents())
                .map(notifier -> notifier.getClass().getName())
                .collect(Collectors.joining(", "));
        assertFalse(context.getCamelContextExtension().isEventNotificationApplicable(),
                "Camel makes an event of every message for: " + takingThem);
    }
}
