package nm.cte.run;

import static nm.cte.PublisherHarness.CLIENT_ID;
import static nm.cte.PublisherHarness.CLIENT_SECRET;
import static nm.cte.PublisherHarness.sandbox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import nm.cte.PowerSchoolFixture;
import nm.cte.PublisherHarness;
import nm.cte.domain.Reason;
import nm.cte.domain.Status;
import nm.cte.sandbox.Route;
import nm.cte.sandbox.SandboxOds;
import nm.cte.sandbox.SandboxOptions;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** D11 against the sandbox ODS: records delivered once, every answer classified, failures redelivered. */
class DeliveryTest {

    private static final LocalDate AUGUST = LocalDate.of(2026, 8, 12);
    private static final List<String> STUDENTS = List.of("100000001", "100000002", "100000003", "100000004", "100000005");

    private final String ledger = PublisherHarness.freshLedger();
    private PowerSchoolFixture source;
    private SandboxOds ods;

    @BeforeEach
    void district() throws Exception {
        source = PowerSchoolFixture.districtOf(STUDENTS, AUGUST);
    }

    @AfterEach
    void stopOds() {
        if (ods != null) {
            ods.close();
        }
    }

    private SandboxOds startOds(SandboxOptions options) throws Exception {
        ods = SandboxOds.start(options);
        ods.addStudents(STUDENTS);
        return ods;
    }

    private SandboxOds startOds() throws Exception {
        return startOds(SandboxOptions.defaults(CLIENT_ID, CLIENT_SECRET));
    }

    private Run publish(String... settings) throws Exception {
        return run(new RunOptions(RunOptions.Mode.CHANGES, null, null, false, false), settings);
    }

    private Run run(RunOptions options, String... settings) throws Exception {
        String[] withLedger = java.util.Arrays.copyOf(settings, settings.length + 2);
        withLedger[settings.length] = "cte.state.jdbc-url";
        withLedger[settings.length + 1] = ledger;
        try (PublisherHarness publisher = new PublisherHarness(source.url(), sandbox(ods, withLedger))) {
            return publisher.run(options);
        }
    }

    @Test
    void readyRecordsArePublishedOnce() throws Exception {
        startOds();

        Run run = publish();

        assertEquals(STUDENTS.size(), run.summary().count(Status.PUBLISHED));
        assertEquals(STUDENTS.size(), ods.associations().size());
        assertEquals(STUDENTS.size(), ods.stats().responses(201));
    }

    @Test
    void secondRunInModeAllUpdatesTheSameRecords() throws Exception {
        startOds();
        publish();

        Run again = run(new RunOptions(RunOptions.Mode.ALL, null, null, false, false));

        assertEquals(STUDENTS.size(), again.summary().count(Status.PUBLISHED));
        assertEquals(2L * STUDENTS.size(), ods.stats().requests(Route.POST_ASSOCIATION));
        assertEquals(STUDENTS.size(), ods.stats().responses(201));
        assertEquals(STUDENTS.size(), ods.associations().size());
    }

    @Test
    void unknownStudentIsDependency() throws Exception {
        startOds();
        source.credential(source.student("999999999", 100, AUGUST), null, false);

        Run run = publish();

        assertEquals(1, run.summary().count(Reason.STUDENT_NOT_PUBLISHED));
        assertEquals(Status.DEPENDENCY, Reason.STUDENT_NOT_PUBLISHED.status());
        assertEquals(STUDENTS.size(), run.summary().count(Status.PUBLISHED));
    }

    @Test
    void unknownStudentIsDependencyInOdsApi7Too() throws Exception {
        startOds(SandboxOptions.defaults(CLIENT_ID, CLIENT_SECRET).withApiMajorVersion(7));
        source.credential(source.student("999999999", 100, AUGUST), null, false);

        assertEquals(1, publish().summary().count(Reason.STUDENT_NOT_PUBLISHED));
    }

    @Test
    void unknownProgramIsDependency() throws Exception {
        startOds(SandboxOptions.defaults(CLIENT_ID, CLIENT_SECRET).withProgramsChecked(true));

        Run run = publish();

        assertEquals(STUDENTS.size(), run.summary().count(Reason.PROGRAM_NOT_PUBLISHED));
        assertEquals(0, ods.associations().size());
    }

    @Test
    void programIsUpsertedOncePerOwnerWhenAsked() throws Exception {
        startOds(SandboxOptions.defaults(CLIENT_ID, CLIENT_SECRET).withProgramsChecked(true));
        source.credential(source.student("100000006", 200, AUGUST), null, false);
        ods.addStudents(List.of("100000006"));

        Run run = publish("cte.ods.publish-programs", "true");

        assertEquals(STUDENTS.size() + 1, run.summary().count(Status.PUBLISHED));
        // schools 100 and 200 own their own program (D9)
        assertEquals(2, ods.stats().requests(Route.POST_PROGRAM));
    }

    @Test
    void failuresAreRedeliveredUntilPublished() throws Exception {
        startOds().faults().failRate(500, 0.2).failRate(503, 0.1).failRate(429, 0.1).resetRate(0.1);

        Run run = publish();

        assertEquals(STUDENTS.size(), run.summary().count(Status.PUBLISHED));
        assertEquals(STUDENTS.size(), ods.associations().size());
        assertTrue(ods.stats().responses(500) + ods.stats().responses(503) + ods.stats().responses(429)
                + ods.stats().hangUps() > 0, ods.stats().toString());
    }

    @Test
    void failureOutlastingRedeliveryIsError() throws Exception {
        startOds().faults().failRate(500, 1.0);

        Run run = publish();

        assertEquals(STUDENTS.size(), run.summary().count(Reason.ODS_UNAVAILABLE), run.summary().statusCounts());
        assertEquals(Status.ERROR, Reason.ODS_UNAVAILABLE.status());
        // the first try and 8 redeliveries
        assertEquals(STUDENTS.size() * 9L, ods.stats().responses(500));
    }

    @Test
    void expiringTokenIsRenewedWithoutLosingARecord() throws Exception {
        startOds(SandboxOptions.defaults(CLIENT_ID, CLIENT_SECRET).withTokenLifetime(Duration.ofSeconds(1)))
                .faults().latency(Duration.ofMillis(300));

        Run run = publish("cte.ods.max-connections", "1");

        assertEquals(STUDENTS.size(), run.summary().count(Status.PUBLISHED));
        assertTrue(ods.stats().tokensIssued() >= 2, ods.stats().toString());
        assertEquals(0, ods.stats().responses(401), ods.stats().toString());
    }

    @Test
    void revokedTokenIsRenewedWithoutLosingARecord() throws Exception {
        startOds().faults().revokeRate(0.3);

        Run run = publish();

        assertEquals(STUDENTS.size(), run.summary().count(Status.PUBLISHED));
        assertEquals(STUDENTS.size(), ods.associations().size());
        assertTrue(ods.stats().responses(401) > 0, ods.stats().toString());
    }

    @Test
    void odsDownStopsTheRun() throws Exception {
        startOds().faults().down(true);
        for (int i = 0; i < 200; i++) {
            source.credential(source.student(String.valueOf(200000000 + i), 100, AUGUST), null, false);
        }

        CamelExecutionException failure = assertThrows(CamelExecutionException.class, () -> publish());

        assertTrue(failure.getCause().getMessage().contains("did not answer"), failure.getCause().getMessage());
        // stopped early: far fewer than the 205 records were tried
        assertTrue(ods.stats().hangUps() < 205, ods.stats().toString());
    }

    @Test
    void refusedCredentialsStopTheRun() throws Exception {
        startOds(SandboxOptions.defaults(CLIENT_ID, "another secret"));

        CamelExecutionException failure = assertThrows(CamelExecutionException.class, () -> publish());

        assertTrue(failure.getCause().getMessage().contains("refused the client credentials"), failure.getCause().getMessage());
        assertEquals(0, ods.associations().size());
    }

    @Test
    void dataStandard5RecordIsAcceptedByOdsApi7() throws Exception {
        startOds(SandboxOptions.defaults(CLIENT_ID, CLIENT_SECRET).withApiMajorVersion(7).withDataStandard(5));

        Run run = publish("cte.ods.data-standard", "5");

        assertEquals(STUDENTS.size(), run.summary().count(Status.PUBLISHED));
        assertTrue(ods.associations().get(0).has("cteProgramServices"), ods.associations().get(0).toString());
    }
}
