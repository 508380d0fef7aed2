package nm.cte.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import nm.cte.settings.Databases;
import nm.cte.config.PublisherMain;
import nm.cte.settings.SettingException;
import nm.cte.settings.Settings;
import nm.cte.demo.Demo;
import nm.cte.domain.SchoolYear;
import nm.cte.edfi.DataStandard;
import nm.cte.domain.Status;
import nm.cte.ledger.RunOverview;
import nm.cte.ledger.Ledger;
import nm.cte.ledger.LedgerSchema;
import nm.cte.export.RunExport;
import nm.cte.run.Run;
import nm.cte.run.RunOptions;
import nm.cte.report.RunReport;
import nm.cte.sandbox.Layout;
import nm.cte.sandbox.SandboxOds;
import nm.cte.sandbox.SandboxOptions;
import nm.cte.report.Explanation;
import nm.cte.run.FailureReason;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/** Carries out one command of spec section 7 and turns its outcome into the exit codes the operator relies on. */
public final class Launcher {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int RECORDS_IN_ERROR = 3;

    private final PrintStream out;
    private final PrintStream err;
    private final Properties overrides;
    /** The PowerSchool database of the command under way, for its failure's message. */
    private String sourceUrl;

    /** @param overrides settings that win over application.properties and the environment (tests use them) */
    public Launcher(PrintStream out, PrintStream err, Properties overrides) {
        this.out = out;
        this.err = err;
        this.overrides = overrides;
    }

    public int execute(String... args) {
        Invocation invocation;
        try {
            invocation = CommandLine.parse(args);
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println(CommandLine.USAGE);
            return USAGE;
        }
        try {
            return switch (invocation.command()) {
                case RUN -> run(invocation.runOptions(), overrides);
                case DEMO -> demo();
                case EXPORT -> export(invocation.out(), invocation.runNumber(), overrides);
                case EXPLAIN -> explain(invocation.studentId());
                case SERVE -> serve();
                case SANDBOX -> sandbox(invocation.port(), invocation.layout());
            };
        } catch (Exception e) {
            err.println(FailureReason.oneLine(e, sourceUrl));
            return FAILED;
        }
    }

    private int run(RunOptions options, Properties settings) throws Exception {
        RunReport report = new RunReport(out);
        Main main = PublisherMain.create(options.dryRun() ? writingNothing(settings) : settings, Map.of("runReport", report));
        try {
            main.start();
            sourceUrl = sourceUrl(main);
            PublisherMain.awaitDatabases(main);
            Run run = main.getCamelContext().createProducerTemplate().requestBody("direct:run", options, Run.class);
            report.printSummary(run);
            return run.summary().count(Status.ERROR) > 0 ? RECORDS_IN_ERROR : OK;
        } finally {
            main.stop();
        }
    }

    /** D17: every candidate period of one student, the rule that decided it, the ledger's word, the JSON. */
    private int explain(String id) throws Exception {
        Explanation explanation = new Explanation(out);
        Main main = PublisherMain.create(writingNothing(overrides), Map.of("runReport", explanation));
        try {
            main.start();
            sourceUrl = sourceUrl(main);
            PublisherMain.awaitDatabases(main);
            Run run = main.getCamelContext().createProducerTemplate().requestBody("direct:run", RunOptions.explaining(id), Run.class);
            explanation.printSummary(run, id);
            return OK;
        } finally {
            main.stop();
        }
    }

    /** The settings of a command that writes nothing to the ledger: its close leaves compacting to the next run. */
    private static Properties writingNothing(Properties settings) {
        Properties readOnly = new Properties();
        readOnly.putAll(settings);
        readOnly.setProperty(Settings.STATE_COMPACT_ON_CLOSE, "false");
        return readOnly;
    }

    /**
     * The PowerSchool database of a started publisher, read from its own settings: a command that starts Camel makes
     * no second context for them.
     */
    private static String sourceUrl(Main main) {
        return new Settings(main.getCamelContext().getPropertiesComponent()::resolveProperty)
                .optional(Settings.SOURCE_JDBC_URL).orElse(null);
    }

    /** D16: stays up, runs on the schedule, takes Run Now and tracing over JMX, until stopped (SIGTERM, Ctrl-C). */
    private int serve() throws Exception {
        Settings settings = PublisherMain.settings(overrides);
        sourceUrl = settings.optional(Settings.SOURCE_JDBC_URL).orElse(null);
        String schedule = settings.scheduleCron();
        Main main = PublisherMain.serving(overrides, out);
        // a failure after Camel started (a database that cannot be opened, a schedule that cannot start) ends serve with
        // its one line and exit code 1: thrown from here, Camel Main would log it and keep the process up
        AtomicReference<Exception> notServing = new AtomicReference<>();
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport started) {
                try {
                    PublisherMain.awaitDatabases(main);
                    startSchedule(started);
                } catch (Exception e) {
                    notServing.set(e);
                    main.completed();
                    return;
                }
                out.println("Serving: runs on the schedule '" + schedule
                        + "'; Run Now and tracing over JMX at org.apache.camel:context=nm-cte-publisher,type=services,name=PublisherControl");
                settings.webPort().ifPresent(port -> out.println("The publishing page: http://" + settings.webBind() + ":" + port + "/"));
            }
        });
        main.run();
        if (notServing.get() != null) {
            throw notServing.get();
        }
        return OK;
    }

    private static void startSchedule(BaseMainSupport started) {
        try {
            started.getCamelContext().getRouteController().startRoute("schedule");
        } catch (Exception e) {
            throw new IllegalStateException("the schedule could not start: " + e.getMessage(), e);
        }
    }

    /** The whole job on embedded defaults: demo district, sandbox ODS, one full run. */
    private int demo() throws Exception {
        Settings settings = PublisherMain.settings(overrides);
        int schoolYear = settings.schoolYear() != null ? settings.schoolYear() : SchoolYear.endingYearOn(LocalDate.now());
        try (Demo demo = Demo.start(schoolYear, settings.dataStandard().orElse(DataStandard.DS4).number())) {
            Properties demoSettings = new Properties();
            demoSettings.putAll(demo.settings());
            demoSettings.putAll(overrides);
            out.println("Demo: " + Demo.PERIODS + " CTE enrollment periods of a generated district, published to a sandbox ODS/API");
            int exit = run(new RunOptions(RunOptions.Mode.CHANGES, null, null, false, false), demoSettings);
            export(Path.of("results.xlsx"), null, demoSettings);
            return exit;
        }
    }

    /** D15: the per-record results of the last (or the given) run, as .xlsx or .csv. */
    private int export(Path file, Long runNumber, Properties settings) throws Exception {
        Settings resolved = PublisherMain.settings(writingNothing(settings));
        try (HikariDataSource database = Databases.ledger(resolved)) {
            String url = Databases.shown(Databases.ledgerUrl(resolved));
            LedgerSchema.migrate(database, url);
            Ledger ledger = new Ledger(database, url, resolved.resultsKeptRuns(), resolved.leaseLength());
            RunOverview overview = RunExport.overview(ledger, runNumber).orElseThrow(() -> new SettingException(runNumber == null
                    ? "export: the ledger has no run yet; publish first" : "export: the ledger has no run " + runNumber));
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            RunExport.write(ledger, overview, file);
            out.println("Exported the results of run " + overview.runNumber() + " to " + file);
            return OK;
        }
    }

    /** The sandbox ODS alone, in the layout of one kind of real server, until the process is stopped. */
    private int sandbox(Integer port, Layout layout) throws Exception {
        Settings settings = PublisherMain.settings(overrides);
        String clientId = settings.optional(Settings.ODS_CLIENT_ID).orElse("sandbox");
        String secret = settings.optional(Settings.ODS_CLIENT_SECRET).orElse(null);
        boolean madeUp = secret == null;
        if (madeUp) {
            secret = UUID.randomUUID().toString();
        }
        // the layout's own Data Standard wins where its real server has one (7.x and the DMS: 5, Meadowlark: 3)
        SandboxOptions options = SandboxOptions.defaults(clientId, secret)
                .withPort(port == null ? 0 : port)
                .withDataStandard(settings.dataStandard().orElse(DataStandard.DS4).number())
                .withLayout(layout);
        if (layout != Layout.SHARED && settings.schoolYear() != null) {
            options = options.withSchoolYear(settings.schoolYear());
        }
        try (SandboxOds ods = SandboxOds.start(options)) {
            out.println("Sandbox Ed-Fi ODS/API (" + layout.label(options.apiMajorVersion()) + ", Data Standard "
                    + options.dataStandard() + ") listening until stopped:");
            out.println("  CTE_ODS_BASE_URL=" + ods.baseUrl());
            if (layout == Layout.INSTANCE) {
                out.println("  CTE_ODS_INSTANCE=" + Layout.INSTANCE_ID);
            }
            if (layout == Layout.YEAR || layout == Layout.INSTANCE || layout == Layout.TENANT) {
                // it holds one school year's data: a run of another year meets 404s
                out.println("  CTE_SCHOOL_YEAR=" + options.schoolYear());
            }
            out.println("  CTE_ODS_CLIENT_ID=" + clientId);
            // a made-up secret of a throw-away sandbox is shown once, so that the operator can use it
            out.println(madeUp ? "  CTE_ODS_CLIENT_SECRET=" + secret : "  CTE_ODS_CLIENT_SECRET as set in your environment");
            out.println("It knows no students yet: POST {\"studentUniqueId\": \"...\"} to " + ods.dataUrl()
                    + "/ed-fi/students, or every record is a DEPENDENCY (E10).");
            // the server's threads are daemons: this one keeps the process up until it is stopped (SIGTERM, Ctrl-C),
            // which ends the sandbox, a throw-away server, with it
            Thread.currentThread().join();
        }
        return OK;
    }
}
