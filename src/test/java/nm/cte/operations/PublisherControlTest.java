package nm.cte.operations;

import static nm.cte.PublisherHarness.CLIENT_ID;
import static nm.cte.PublisherHarness.CLIENT_SECRET;
import static nm.cte.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import nm.cte.PowerSchoolFixture;
import nm.cte.PublisherHarness;
import nm.cte.sandbox.SandboxOds;
import nm.cte.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** D16 and D17 in a serving publisher: the schedule, Run Now over JMX, no overlap, tracing switched by JMX. */
class PublisherControlTest {

    private static final ObjectName CONTROL = name("org.apache.camel:context=nm-cte-publisher,type=services,name=PublisherControl");
    private static final List<String> STUDENTS = List.of("100000001", "100000002", "100000003", "100000004");

    private final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
    private final String ledger = PublisherHarness.freshLedger();
    private PowerSchoolFixture source;
    private SandboxOds ods;

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void district() throws Exception {
        source = PowerSchoolFixture.districtOf(STUDENTS, LocalDate.of(2026, 8, 12));
        ods = SandboxOds.start(SandboxOptions.defaults(CLIENT_ID, CLIENT_SECRET));
        ods.addStudents(STUDENTS);
    }

    @AfterEach
    void stopOds() {
        ods.close();
    }

    private PublisherHarness serve(String... settings) throws Exception {
        String[] all = new String[settings.length + 2];
        System.arraycopy(settings, 0, all, 0, settings.length);
        all[settings.length] = "cte.state.jdbc-url";
        all[settings.length + 1] = ledger;
        String[] sandbox = PublisherHarness.sandbox(ods, all);
        Properties overrides = new Properties();
        overrides.setProperty("cte.source.jdbc-url", source.url());
        overrides.setProperty("cte.source.username", "sa");
        overrides.setProperty("cte.school-year", "2027");
        for (int i = 0; i < sandbox.length; i += 2) {
            overrides.setProperty(sandbox[i], sandbox[i + 1]);
        }
        return PublisherHarness.serving(overrides);
    }

    private Object invoke(String operation, Object... arguments) throws Exception {
        String[] signature = new String[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            signature[i] = arguments[i] instanceof Integer ? "int" : String.class.getName();
        }
        return jmx.invoke(CONTROL, operation, arguments, signature);
    }

    private Object attribute(String name) throws Exception {
        return jmx.getAttribute(CONTROL, name);
    }


    private BooleanSupplier lastRunIs(long number) {
        return () -> {
            try {
                return (long) attribute("LastRunNumber") == number && !(boolean) attribute("Running");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private List<String> ledgerRuns() throws Exception {
        List<String> runs = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(ledger, "", "");
             ResultSet rows = connection.createStatement().executeQuery("SELECT RUN_NUMBER, MODE, OUTCOME FROM CTE_RUN ORDER BY 1")) {
            while (rows.next()) {
                runs.add(rows.getLong(1) + " " + rows.getString(2) + " " + rows.getString(3));
            }
        }
        return runs;
    }

    @Test
    void scheduleStartsRunsInChangesMode() throws Exception {
        try (PublisherHarness publisher = serve("cte.schedule.cron", "0/1 * * * * ?")) {
            publisher.context().getRouteController().startRoute("schedule");

            await(lastRunIs(2));
        }

        assertEquals(STUDENTS.size(), ods.associations().size());
        assertTrue(ledgerRuns().containsAll(List.of("1 CHANGES COMPLETED", "2 CHANGES COMPLETED")), ledgerRuns().toString());
    }

    @Test
    void onlyServeLoadsTheScheduleAndQuartz() throws Exception {
        try (PublisherHarness publisher = new PublisherHarness(source.url(), PublisherHarness.sandbox(ods, "cte.state.jdbc-url", ledger))) {
            assertNull(publisher.context().getRoute("schedule"));
            assertNull(publisher.context().hasComponent("quartz"));
        }
        try (PublisherHarness publisher = serve()) {
            assertNotNull(publisher.context().getRoute("schedule"));
        }
    }

    @Test
    void serveHasTheRoutesThatSendFromItsStart() throws Exception {
        try (PublisherHarness publisher = serve()) {
            assertNotNull(publisher.context().getRoute("deliver"), "for JMX and tracing before the first run");
            invoke("runNow", "changes");

            await(lastRunIs(1));
        }
        assertEquals(STUDENTS.size(), ods.associations().size());
    }

    @Test
    // an application.properties of before names the routes that send at every start: Camel loads a file named twice once
    void serveTakesARoutePatternOfBeforeThatNamesTheRoutesThatSend() throws Exception {
        try (PublisherHarness publisher = serve("camel.main.routes-include-pattern", "{{cte.routes}},{{cte.delivery.routes}}")) {
            assertNotNull(publisher.context().getRoute("deliver"));
        }
    }

    @Test
    void onlyServeHasCamelsMBeans() throws Exception {
        ObjectName camel = name("org.apache.camel:context=nm-cte-publisher,*");
        try (PublisherHarness publisher = new PublisherHarness(source.url(), PublisherHarness.sandbox(ods, "cte.state.jdbc-url", ledger))) {
            assertTrue(jmx.queryNames(camel, null).isEmpty(), jmx.queryNames(camel, null).toString());
        }
        try (PublisherHarness publisher = serve()) {
            assertTrue(jmx.isRegistered(CONTROL));
        }
    }

    @Test
    void onlyServeHasTracingOnStandby() throws Exception {
        try (PublisherHarness publisher = new PublisherHarness(source.url(), PublisherHarness.sandbox(ods, "cte.state.jdbc-url", ledger))) {
            assertFalse(publisher.context().isTracingStandby());
        }
        try (PublisherHarness publisher = serve()) {
            assertTrue(publisher.context().isTracingStandby());
            assertFalse(publisher.context().isTracing());
        }
    }

    @Test
    void onlyServeHasTheMetricsMBeans() throws Exception {
        ObjectName records = name("metrics:name=cteRecords*,*");
        try (PublisherHarness publisher = new PublisherHarness(source.url(), PublisherHarness.sandbox(ods, "cte.state.jdbc-url", ledger))) {
            publisher.publish();

            assertTrue(jmx.queryNames(records, null).isEmpty(), jmx.queryNames(records, null).toString());
        }
        try (PublisherHarness publisher = serve()) {
            invoke("runNow", "all");
            await(lastRunIs(2));

            assertFalse(jmx.queryNames(records, null).isEmpty());
        }
    }

    @Test
    void runNowOverJmxPublishes() throws Exception {
        try (PublisherHarness publisher = serve()) {
            assertEquals("run started: mode changes", invoke("runNow", "changes"));

            await(lastRunIs(1));

            assertEquals("PUBLISHED 4", attribute("LastRunCounts"));
            assertFalse(((String) attribute("LastRunEnd")).isEmpty());
        }
        assertEquals(STUDENTS.size(), ods.associations().size());
    }

    @Test
    void runNowDuringARunIsRefused() throws Exception {
        ods.faults().latency(Duration.ofMillis(400));
        try (PublisherHarness publisher = serve("cte.ods.max-connections", "1")) {
            invoke("runNow", "all");

            String second = (String) invoke("runNow", "changes");

            assertTrue(second.startsWith("already running (run "), second);
            await(lastRunIs(1));
        }
        assertEquals(List.of("1 ALL COMPLETED"), ledgerRuns());
    }

    /** Another publisher process on the same ledger, in the middle of a run: it holds the ledger's lease. */
    private long anotherProcessRuns() throws Exception {
        org.h2.jdbcx.JdbcDataSource database = new org.h2.jdbcx.JdbcDataSource();
        database.setURL(ledger);
        return new nm.cte.ledger.Ledger(database, ledger, 30, Duration.ofSeconds(90)).startRun(2027, "CHANGES", null, null);
    }

    @Test
    void runNowWhileAnotherProcessHoldsTheLedgerIsRefusedSayingWhichRun() throws Exception {
        try (PublisherHarness publisher = serve()) {
            long other = anotherProcessRuns();

            String answer = (String) invoke("runNow", "changes");

            assertTrue(answer.startsWith("another run (run " + other + " on " + java.net.InetAddress.getLocalHost().getHostName()
                    + ") holds the ledger since "), answer);
            assertTrue(answer.endsWith("; nothing started"), answer);
            assertFalse((boolean) attribute("Running"));
        }
        assertEquals(0, ods.associations().size());
    }

    @Test
    void scheduledFireWhileAnotherProcessHoldsTheLedgerIsSkipped() throws Exception {
        try (PublisherHarness publisher = serve()) {
            anotherProcessRuns();
            PublisherControl control = publisher.context().getRegistry().lookupByNameAndType("publisherControl", PublisherControl.class);

            String answer = control.scheduled(new java.util.Date());

            assertTrue(answer.startsWith("another run (run 1 on "), answer);
            assertFalse((boolean) attribute("Running"));
        }
        assertEquals(List.of("1 CHANGES RUNNING"), ledgerRuns());
    }

    @Test
    void runForStudentOverJmxSendsThatStudentOnly() throws Exception {
        try (PublisherHarness publisher = serve()) {
            assertEquals("run started: mode changes, student 100000003", invoke("runForStudent", "100000003"));

            await(lastRunIs(1));
        }
        assertEquals(1, ods.associations().size());
    }

    @Test
    void tracingSwitchedOnOverJmxShowsStepsButNoSecret() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PublisherHarness publisher = serve()) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            assertEquals("tracing is on", invoke("tracingOn"));
            invoke("runNow", "changes");
            await(lastRunIs(1));
            assertEquals("tracing is off", invoke("tracingOff"));
        } finally {
            System.setErr(original);
        }
        String trace = captured.toString(StandardCharsets.UTF_8);
        assertTrue(trace.contains("[deliver"), "no trace line");
        assertFalse(trace.contains(CLIENT_SECRET), "the client secret shows");
        assertFalse(trace.contains("Bearer"), "an Authorization header shows");
        for (String token : ods.issuedTokens()) {
            assertFalse(trace.contains(token), "a token shows");
        }
    }
}
