package nm.cte.cli;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Map;
import nm.cte.config.PublisherMain;
import nm.cte.config.SettingException;
import nm.cte.domain.Status;
import nm.cte.ods.OdsCredentialsRefusedException;
import nm.cte.ods.OdsUnreachableException;
import nm.cte.run.Run;
import nm.cte.run.RunOptions;
import nm.cte.run.RunReport;
import org.apache.camel.main.Main;

/** Carries out one command of spec section 7 and turns its outcome into the exit codes the operator relies on. */
public final class Launcher {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int RECORDS_IN_ERROR = 3;

    private final PrintStream out;
    private final PrintStream err;
    private final Properties overrides;

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
        if (invocation.command() != Invocation.Command.RUN) {
            err.println(invocation.command().name().toLowerCase() + " is not available in this version yet");
            return FAILED;
        }
        return run(invocation.runOptions());
    }

    private int run(RunOptions options) {
        if (options.school() != null || options.student() != null) {
            err.println("run: --school and --student are not available in this version yet");
            return FAILED;
        }
        RunReport report = new RunReport(out);
        Main main = PublisherMain.create(overrides, Map.of("runReport", report));
        try {
            main.start();
            Run run = main.getCamelContext().createProducerTemplate().requestBody("direct:run", options, Run.class);
            report.printSummary(run);
            return run.summary().count(Status.ERROR) > 0 ? RECORDS_IN_ERROR : OK;
        } catch (Exception e) {
            err.println(oneLine(e));
            return FAILED;
        } finally {
            main.stop();
        }
    }

    /** The reason a run could not complete, in one line that names what to fix. */
    static String oneLine(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SettingException || cause instanceof OdsUnreachableException
                    || cause instanceof OdsCredentialsRefusedException) {
                return cause.getMessage();
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return "cannot read the PowerSchool database: " + sql.getMessage().lines().findFirst().orElse("");
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "the run could not complete: " + root;
    }
}
