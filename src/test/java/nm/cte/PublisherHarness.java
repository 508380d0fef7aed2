package nm.cte;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import nm.cte.config.DeliveryRoutes;
import nm.cte.config.PublisherMain;
import nm.cte.run.RecordPrinter;
import nm.cte.run.Run;
import nm.cte.run.RunOptions;
import nm.cte.report.RunReport;
import nm.cte.sandbox.SandboxOds;
import nm.cte.sandbox.SandboxOptions;
import org.apache.camel.main.Main;

/** Starts the real publisher (its routes, settings and beans) in the test's JVM against a test's source database. */
public final class PublisherHarness implements AutoCloseable {

    public static final String CLIENT_ID = "district-001";
    public static final String CLIENT_SECRET = "s3cret-Only-In-The-Environment";

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Main main;

    /** A publisher as run, explain and demo start it. */
    public PublisherHarness(String sourceUrl, String... settings) throws Exception {
        this(null, sourceUrl, settings);
    }

    /** A publisher as run starts it, whose dry runs show each record to {@code records} instead of printing it. */
    public PublisherHarness(RecordPrinter records, String sourceUrl, String... settings) throws Exception {
        Properties overrides = new Properties();
        overrides.setProperty("cte.source.jdbc-url", sourceUrl);
        overrides.setProperty("cte.source.username", "sa");
        overrides.setProperty("cte.school-year", "2027");
        overrides.setProperty("cte.state.jdbc-url", freshLedger());
        for (int i = 0; i < settings.length; i += 2) {
            overrides.setProperty(settings[i], settings[i + 1]);
        }
        Map<String, Object> beans = Map.of("runReport",
                records != null ? records : new RunReport(new PrintStream(printed, true, StandardCharsets.UTF_8)));
        main = PublisherMain.create(overrides, beans);
        main.start();
        // as the commands do: the databases opened and the ledger migrated before anything else uses them
        PublisherMain.awaitDatabases(main);
    }

    private PublisherHarness(Properties settings) throws Exception {
        main = PublisherMain.serving(settings, new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            main.start();
            PublisherMain.awaitDatabases(main);
        } catch (Exception e) {
            // a publisher that could not start leaves nothing behind, its JMX names least of all
            main.stop();
            throw e;
        }
    }

    /** Loads the routes that send now, as the first run that sends would: a test's advice on them before that run. */
    public void loadDeliveryRoutes() throws Exception {
        context().getRegistry().lookupByNameAndType("deliveryRoutes", DeliveryRoutes.class).load();
    }

    /** A publisher as serve makes it (with the publishing page when cte.web.port is set), on these settings alone. */
    public static PublisherHarness serving(Properties settings) throws Exception {
        return new PublisherHarness(settings);
    }

    /** A sandbox ODS/API on loopback, with the harness's credentials, that knows every student of the source (E10). */
    public static SandboxOds sandboxKnowing(PowerSchoolFixture source) throws IOException, SQLException {
        SandboxOds ods = SandboxOds.start(SandboxOptions.defaults(CLIENT_ID, CLIENT_SECRET));
        ods.addStudents(source.stateIds());
        return ods;
    }

    /** A new, empty ledger in memory; pass it as cte.state.jdbc-url to several publishers to share it. */
    public static String freshLedger() {
        return "jdbc:h2:mem:ledger-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /** The settings that point the publisher at a sandbox ODS, with redelivery fast enough for tests. */
    public static String[] sandbox(SandboxOds sandbox, String... more) {
        String[] settings = {
            "cte.ods.base-url", sandbox.baseUrl().toString(),
            "cte.ods.client-id", CLIENT_ID,
            "cte.ods.client-secret", CLIENT_SECRET,
            "cte.ods.redelivery.delay-ms", "5",
            "cte.ods.redelivery.maximum-delay-ms", "20"};
        String[] all = java.util.Arrays.copyOf(settings, settings.length + more.length);
        System.arraycopy(more, 0, all, settings.length, more.length);
        return all;
    }

    /** The sandbox's settings added to a command's settings, for tests that go through the Launcher. */
    public static void addSandbox(java.util.Properties settings, SandboxOds sandbox, String... more) {
        String[] pairs = sandbox(sandbox, more);
        for (int i = 0; i < pairs.length; i += 2) {
            settings.setProperty(pairs[i], pairs[i + 1]);
        }
    }

    public Run dryRun() {
        return run(new RunOptions(RunOptions.Mode.CHANGES, null, null, true, false));
    }

    /** A real run in the default mode: what changed is sent. */
    public Run publish() {
        return run(new RunOptions(RunOptions.Mode.CHANGES, null, null, false, false));
    }

    public Run run(RunOptions options) {
        return main.getCamelContext().createProducerTemplate().requestBody("direct:run", options, Run.class);
    }

    /** What the dry run printed: a line per record. */
    public String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    public org.apache.camel.CamelContext context() {
        return main.getCamelContext();
    }

    @Override
    public void close() {
        main.stop();
    }
}
