package nm.cte.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import nm.cte.DistrictWithOds;
import nm.cte.PublisherHarness;
import nm.cte.domain.Status;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A run's messages pass its routes without Camel making an event of each: Camel makes them for every exchange and every
 * step once one event notifier of the context takes exchange events, and none of the publisher's needs them.
 */
class ExchangeEventsTest {

    private static final List<String> STUDENTS = List.of("100000001", "100000002");

    @RegisterExtension
    final DistrictWithOds district = new DistrictWithOds(STUDENTS, LocalDate.of(2026, 8, 12));

    @Test
    void aPublishingRunMakesNoEventOfEachMessage() throws Exception {
        try (PublisherHarness publisher = district.publisher()) {
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
