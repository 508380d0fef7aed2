package nm.cte.config;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import nm.cte.report.RunPrinters;
import nm.cte.report.RunReport;
import nm.cte.settings.DatabaseOpenedAhead;
import nm.cte.settings.Settings;
import nm.cte.web.PageConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;

/** Builds the Camel Main of the publisher: its settings, its routes and the beans they call. */
public final class PublisherMain {

    /** The first location that has a key wins: the working directory's file overrides the packaged one. */
    private static final String SETTINGS =
            "file:application.properties;optional=true,classpath:application.properties;optional=true";
    private static final String ROUTES = "camel.main.routes-include-pattern";
    private static final String SERVE_ROUTES = "cte.serve.routes";
    /** The routes that send: loaded by a process's first run that sends (DeliveryRoutes), by serve as it starts. */
    static final String DELIVERY_ROUTES = "cte.delivery.routes";
    /** Off for the one-shot commands (application.properties), on for serve, whose Run Now and tracing it carries. */
    private static final String JMX = "camel.main.jmx-enabled";
    /** Tracing installed, switched off, for JMX to switch on (D17): serve's alone, as JMX is. */
    private static final String TRACING_STANDBY = "camel.main.tracing-standby";
    private static final String BACKLOG_TRACING_STANDBY = "camel.trace.standby";

    private PublisherMain() {
    }

    /** The settings as the publisher sees them, for commands that start no routes. */
    public static Settings settings(Properties overrides) {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().setLocation(SETTINGS);
        context.getPropertiesComponent().setOverrideProperties(overrides);
        return new Settings(context.getPropertiesComponent()::resolveProperty);
    }

    /**
     * The Main of serve (D16, D17): the schedule, JMX, and the publishing page when CTE_WEB_PORT is set. Its dry runs
     * (the page's explanations) print to their own printers, any other to {@code out}. Its routes are those of
     * {@link #create}, the routes that send, there from the start for JMX and tracing, and serve's own
     * (cte.serve.routes: the schedule), which no other command loads.
     */
    public static Main serving(Properties overrides, PrintStream out) {
        Settings settings = settings(overrides);
        Properties withServeRoutes = new Properties();
        withServeRoutes.putAll(overrides);
        withServeRoutes.setProperty(ROUTES, settings.required(ROUTES, "the routes of every command") + ","
                + settings.required(DELIVERY_ROUTES, "the routes that send") + ","
                + settings.required(SERVE_ROUTES, "the routes of serve"));
        withServeRoutes.setProperty(JMX, "true");
        withServeRoutes.setProperty(TRACING_STANDBY, "true");
        withServeRoutes.setProperty(BACKLOG_TRACING_STANDBY, "true");
        Main main = create(withServeRoutes, Map.of("runReport", new RunPrinters(new RunReport(out))));
        main.configure().addConfiguration(PageConfiguration.class);
        return main;
    }

    /**
     * The publisher of {@code run}, {@code explain} and {@code demo}: the routes of camel.main.routes-include-pattern;
     * those that send are loaded by its first run that sends (DeliveryRoutes).
     *
     * @param overrides settings that win over application.properties and the environment
     * @param beans beans of the caller's that the routes call, by name
     */
    public static Main create(Properties overrides, Map<String, Object> beans) {
        Main main = new Main();
        main.setPropertyPlaceholderLocations(SETTINGS);
        main.setOverrideProperties(overrides);
        main.configure().addConfiguration(PublisherConfiguration.class);
        beans.forEach(main::bind);
        return main;
    }

    /**
     * Waits for the databases a started publisher opens ahead: PowerSchool's pool, the ledger's and its migration. One
     * that cannot be opened or migrated throws the error that names it, before a run begins and outside Camel's start,
     * which would log it with its stack.
     */
    public static void awaitDatabases(Main started) throws SQLException {
        for (String database : new String[] {"powerschool", "ledgerDatabase"}) {
            started.getCamelContext().getRegistry().lookupByNameAndType(database, DatabaseOpenedAhead.class).awaitOpened();
        }
    }
}
