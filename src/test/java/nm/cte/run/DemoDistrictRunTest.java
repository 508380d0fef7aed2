package nm.cte.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import nm.cte.PowerSchoolFixture;
import nm.cte.PublisherHarness;
import nm.cte.demo.DemoDistrict;
import nm.cte.domain.Reason;
import nm.cte.domain.Status;
import org.junit.jupiter.api.Test;

/** The whole run route over the demo district: every period decided as the generator built it. */
class DemoDistrictRunTest {

    private static final String READY = "READY";

    /** What the run decided, in the generator's terms: READY, or the reason code. */
    private static Map<String, Long> outcomes(Run run) {
        Map<String, Long> outcomes = new TreeMap<>();
        outcomes.put(READY, run.summary().count(Status.READY));
        for (Reason reason : run.summary().reasons()) {
            outcomes.put(reason.name(), run.summary().count(reason));
        }
        return outcomes;
    }

    private static Map<Status, Long> byStatus(Map<String, Long> outcomes) {
        Map<Status, Long> byStatus = new EnumMap<>(Status.class);
        outcomes.forEach((outcome, count) -> byStatus.merge(
                outcome.equals(READY) ? Status.READY : Reason.valueOf(outcome).status(), count, Long::sum));
        return byStatus;
    }

    private static void assertRunDecidesAsGenerated(PowerSchoolFixture source, int periods, long seed) throws Exception {
        DemoDistrict district = DemoDistrict.generate(source.dataSource(), periods, 2027, seed);

        try (PublisherHarness publisher = new PublisherHarness(source.url())) {
            Run run = publisher.dryRun();

            assertEquals(new TreeMap<>(district.expectedOutcomes()), outcomes(run));
            Map<Status, Long> expectedByStatus = byStatus(district.expectedOutcomes());
            for (Status status : Status.values()) {
                assertEquals(expectedByStatus.getOrDefault(status, 0L), run.summary().count(status), status.name());
            }
            assertEquals(district.enrollmentPeriods(), run.summary().candidates());
        }
    }

    @Test
    void demoDistrictIsDecidedPeriodByPeriodAsGenerated() throws Exception {
        assertRunDecidesAsGenerated(PowerSchoolFixture.blank(false), 600, 42);
    }

    @Test
    void demoDistrictInOracleDialectIsDecidedTheSame() throws Exception {
        assertRunDecidesAsGenerated(PowerSchoolFixture.blank(true), 600, 42);
    }

    @Test
    void largerDemoDistrictWithAnotherSeedIsDecidedAsGenerated() throws Exception {
        assertRunDecidesAsGenerated(PowerSchoolFixture.blank(false), 5_000, 7);
    }
}
