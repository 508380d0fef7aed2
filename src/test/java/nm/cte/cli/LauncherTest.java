package nm.cte.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Properties;
import nm.cte.PowerSchoolFixture;
import nm.cte.PublisherHarness;
import nm.cte.sandbox.SandboxOds;
import nm.cte.sandbox.SandboxOptions;
import org.junit.jupiter.api.Test;

/** The commands of spec section 7: what they print and the exit codes the operator relies on. */
class LauncherTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int execute(Properties settings, String... args) {
        return new Launcher(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                settings).execute(args);
    }

    private static Properties source(String url) {
        Properties settings = new Properties();
        settings.setProperty("cte.source.jdbc-url", url);
        settings.setProperty("cte.source.username", "sa");
        settings.setProperty("cte.school-year", "2027");
        settings.setProperty("cte.state.jdbc-url", PublisherHarness.freshLedger());
        return settings;
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void dryRunPrintsEachRecordAndTheSummary() throws Exception {
        PowerSchoolFixture source = PowerSchoolFixture.district();
        source.credential(source.student("123456789", 100, LocalDate.of(2026, 8, 12)), null, false);
        source.credential(source.student(null, 100, LocalDate.of(2026, 8, 12)), null, false);

        int exit = execute(source(source.url()), "run", "--dry-run");

        assertEquals(Launcher.OK, exit, stderr());
        assertTrue(stdout().contains("\"studentUniqueId\":\"123456789\""), stdout());
        assertTrue(stdout().contains("MISSING_STUDENT_UNIQUE_ID"), stdout());
        assertTrue(stdout().contains("Summary of a dry run (nothing sent, ledger unchanged): school year 2026-27, 2 candidate enrollment periods"), stdout());
        assertTrue(stdout().lines().anyMatch(line -> line.matches("\\s+READY\\s+1")), stdout());
        assertTrue(stdout().lines().anyMatch(line -> line.matches("\\s+MISSING_STUDENT_UNIQUE_ID\\s+E7\\s+DEPENDENCY\\s+1")), stdout());
    }

    @Test
    void unknownCommandIsWrongUsage() {
        assertEquals(Launcher.USAGE, execute(new Properties(), "publish"));
        assertTrue(stderr().contains("unknown command 'publish'"), stderr());
        assertTrue(stderr().contains("usage: java -jar nm-cte-publisher.jar"), stderr());
    }

    @Test
    void noCommandIsWrongUsage() {
        assertEquals(Launcher.USAGE, execute(new Properties()));
    }

    @Test
    void missingSourceUrlFailsWithOneLineNamingTheVariable() {
        Properties settings = source("");

        int exit = execute(settings, "run", "--dry-run");

        assertEquals(Launcher.FAILED, exit);
        assertEquals("CTE_SOURCE_JDBC_URL is not set: the JDBC URL of the PowerSchool database", stderr().strip());
    }

    @Test
    void wrongDataStandardFailsWithOneLineNamingTheVariable() throws Exception {
        Properties settings = source(PowerSchoolFixture.district().url());
        settings.setProperty("cte.ods.data-standard", "7");

        assertEquals(Launcher.FAILED, execute(settings, "run", "--dry-run"));
        assertEquals("CTE_ODS_DATA_STANDARD must be 3, 4 or 5, not 7", stderr().strip());
    }

    @Test
    void unreachableSourceFailsWithOneLine() {
        Properties settings = source("jdbc:h2:mem:nowhere;IFEXISTS=TRUE");
        settings.setProperty("cte.source.connect-timeout-seconds", "1");

        int exit = execute(settings, "run", "--dry-run");

        assertEquals(Launcher.FAILED, exit);
        assertEquals(1, stderr().strip().lines().count(), stderr());
        assertTrue(stderr().startsWith("cannot read the PowerSchool database jdbc:h2:mem:nowhere;IFEXISTS=TRUE: "), stderr());
    }

    @Test
    void unreachableLedgerFailsNamingTheLedgerNotPowerSchool() throws Exception {
        Properties settings = source(PowerSchoolFixture.district().url());
        settings.setProperty("cte.state.jdbc-url", "jdbc:h2:mem:no-ledger;IFEXISTS=TRUE;PASSWORD=hunter2");
        settings.setProperty("cte.source.connect-timeout-seconds", "1");

        assertEquals(Launcher.FAILED, execute(settings, "run"));

        assertEquals(1, stderr().strip().lines().count(), stderr());
        assertTrue(stderr().startsWith("cannot use the ledger database jdbc:h2:mem:no-ledger;IFEXISTS=TRUE;PASSWORD=****: "), stderr());
        assertFalse(stderr().contains("hunter2"), stderr());
    }

    @Test
    void serveWithABadScheduleFailsWithOneLineNamingCteScheduleCronAndItsValue() {
        Properties settings = new Properties();
        settings.setProperty("cte.schedule.cron", "every weekday");

        assertEquals(Launcher.FAILED, execute(settings, "serve"));

        assertEquals(1, stderr().strip().lines().count(), stderr());
        assertTrue(stderr().startsWith("CTE_SCHEDULE_CRON must be a Quartz cron expression"), stderr());
        assertTrue(stderr().contains("not 'every weekday'"), stderr());
    }

    @Test
    void runIgnoresABadScheduleItDoesNotHave() throws Exception {
        PowerSchoolFixture source = PowerSchoolFixture.district();
        source.credential(source.student("123456789", 100, LocalDate.of(2026, 8, 12)), null, false);
        Properties settings = source(source.url());
        settings.setProperty("cte.schedule.cron", "every weekday");

        assertEquals(Launcher.OK, execute(settings, "run", "--dry-run"), stderr());
    }

    @Test
    void ledgerUrlNoDriverTakesFailsNamingTheSetting() throws Exception {
        Properties settings = source(PowerSchoolFixture.district().url());
        settings.setProperty("cte.state.jdbc-url", "jdbc:nosuchdb://db.example/ledger?password=hunter2");

        assertEquals(Launcher.FAILED, execute(settings, "run"));

        assertEquals("CTE_STATE_JDBC_URL: the ledger database jdbc:nosuchdb://db.example/ledger?password=**** cannot be opened"
                + " (the jar has the H2, PostgreSQL and Oracle drivers)", stderr().strip());
    }

    @Test
    void runWithoutOdsSettingsFailsWithOneLineNamingTheVariable() throws Exception {
        PowerSchoolFixture source = PowerSchoolFixture.district();
        source.credential(source.student("123456789", 100, LocalDate.of(2026, 8, 12)), null, false);
        Properties settings = source(source.url());
        settings.setProperty("cte.ods.base-url", "");

        assertEquals(Launcher.FAILED, execute(settings, "run"));
        assertEquals("CTE_ODS_BASE_URL is not set: the URL of the Ed-Fi API that serves its discovery document, e.g. https://ods.ped.nm.gov/api", stderr().strip());
    }

    @Test
    void recordsEndingInErrorExitWith3() throws Exception {
        PowerSchoolFixture source = PowerSchoolFixture.district();
        source.credential(source.student("123456789", 100, LocalDate.of(2026, 8, 12)), null, false);
        try (SandboxOds ods = SandboxOds.start(SandboxOptions.defaults(PublisherHarness.CLIENT_ID, PublisherHarness.CLIENT_SECRET))) {
            ods.addStudents(java.util.List.of("123456789"));
            ods.faults().failRate(500, 1.0);
            Properties settings = source(source.url());
            PublisherHarness.addSandbox(settings, ods);

            assertEquals(Launcher.RECORDS_IN_ERROR, execute(settings, "run"), stderr());
            assertTrue(stdout().lines().anyMatch(line -> line.matches("\\s+ERROR\\s+1")), stdout());
        }
    }

    @Test
    void demoPublishesAndExitsWith0() {
        assertEquals(Launcher.OK, execute(new Properties(), "demo"), stderr());
        assertTrue(stdout().lines().anyMatch(line -> line.matches("\\s+PUBLISHED\\s+[1-9]\\d*")), stdout());
        assertTrue(stdout().lines().anyMatch(line -> line.matches("\\s+STUDENT_NOT_PUBLISHED\\s+E10\\s+DEPENDENCY\\s+[1-9]\\d*")), stdout());
    }
}
