package nm.cte.config;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import nm.cte.ledger.Ledger;
import nm.cte.ledger.LedgerSchema;
import nm.cte.ods.OdsAuthorization;
import nm.cte.ods.OdsConnection;
import nm.cte.ods.OdsEndpoints;
import nm.cte.ods.OdsPace;
import nm.cte.ods.OdsSettings;
import nm.cte.ods.OdsTrust;
import nm.cte.ods.PlainHttpComponent;
import nm.cte.operations.MetricsEndpoint;
import nm.cte.operations.PublisherControl;
import nm.cte.operations.PublisherMetrics;
import nm.cte.run.ChangeTracking;
import nm.cte.run.Delivery;
import nm.cte.run.Judge;
import nm.cte.run.NaturalKeyMerge;
import nm.cte.run.RecordBuilder;
import nm.cte.run.RedeliveryCounter;
import nm.cte.run.Results;
import nm.cte.run.RetryAfterDelay;
import nm.cte.run.Runs;
import nm.cte.settings.DatabaseOpenedAhead;
import nm.cte.settings.Databases;
import nm.cte.settings.Settings;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.concurrent.SizedScheduledExecutorService;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/** Binds the beans the routes call, built from the operator's settings. */
public class PublisherConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        Settings settings = new Settings(context.getPropertiesComponent()::resolveProperty);
        Registry registry = context.getRegistry();

        // a run's own threads, Camel's (named, in JMX, shut down with the context): the ledger's migration, reader and
        // writer, the work started ahead of a run (the ODS connection, the schema), and the renewal of the run's lease four times a lease, so that a late renewal or two never lose it
        ExecutorServiceManager threads = context.getExecutorServiceManager();
        Runs.RunThreads runThreads = new Runs.RunThreads(threads.newCachedThreadPool(this, "ledger"),
                threads.newSingleThreadScheduledExecutor(this, "run-lease"), settings.leaseLength().dividedBy(4));

        // the source, read only, and the ledger, migrated: each opened on a thread of its own while Camel starts (a
        // pool's classes are a part of the start), awaited before the first run (PublisherMain.awaitDatabases)
        DatabaseOpenedAhead powerschool = new DatabaseOpenedAhead(() -> Databases.powerSchool(settings), source -> { },
                runThreads.ledger());
        registry.bind("powerschool", powerschool);
        String ledgerUrl = Databases.shown(Databases.ledgerUrl(settings));
        DatabaseOpenedAhead ledgerDatabase = new DatabaseOpenedAhead(() -> Databases.ledger(settings),
                opened -> LedgerSchema.migrate(opened, ledgerUrl), runThreads.ledger());
        Ledger ledger = new Ledger(ledgerDatabase, ledgerUrl, settings.resultsKeptRuns(), settings.leaseLength());
        // for the publishing page of serve, which reads the results of runs
        registry.bind("ledgerDatabase", ledgerDatabase);
        registry.bind("ledger", ledger);

        PublisherMetrics metrics = new PublisherMetrics();
        // over JMX where Camel's MBeans are (serve, or CAMEL_MAIN_JMXENABLED=true), beside Run Now and the routes
        if (context.getManagementStrategy().getManagementAgent() != null) {
            metrics.overJmx();
        }
        MetricsEndpoint endpoint = settings.metricsPort().isPresent() ? MetricsEndpoint.start(settings.metricsPort().get(), metrics) : null;

        // the threads that send READY records: twice the ODS connections, so that while one thread records an answer
        // another already sends on the connection it freed; the client's permits keep the requests in flight to the
        // connections. When all are busy the batch's own thread sends too.
        int sending = 2 * settings.maxConnections();
        context.getExecutorServiceManager().registerThreadPoolProfile(new ThreadPoolProfileBuilder("publishing")
                .poolSize(sending).maxPoolSize(sending).maxQueueSize(sending).rejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns)
                .build());

        // the ODS/API: the HTTP component trusts its certificate as the operator says, and the token is put on each
        // request inside the HTTP client (OdsAuthorization), never in a message; both are made when a run first sends
        OdsTrust trust = OdsSettings.trust(settings);
        registry.bind("odsTls", trust.parameters());
        registry.bind("odsHostnames", trust.hostnames());
        settings.odsConnectTimeout();
        settings.odsResponseTimeout();
        Once<OdsConnection> ods = new Once<>(() -> OdsSettings.connection(settings, trust, context));
        if (settings.odsConfigured()) {
            // made, and its discovery document read, on a thread of its own while Camel loads the routes: the HTTP
            // client's classes and first request are a part of the start a run waits for. A setting that is wrong
            // fails the first run that reads the API, as it would without this.
            runThreads.ledger().execute(() -> {
                try {
                    ods.get().readDocumentAhead();
                } catch (RuntimeException saidByTheRun) {
                    // the run's own ods.get() says it again, naming the setting
                }
            });
        }
        // the pace of requests to the ODS (routes/ods-pace.yaml): the operator's ceiling, and what the API's answers teach
        OdsPace pace = new OdsPace(settings.maxRequestsPerSecond(), Clock.systemUTC());
        registry.bind("odsPace", pace);
        // the throttle's timer: Camel's throttle leaves a clean-up task ten of its periods (10 s) ahead after every
        // request, and a pool that keeps delayed tasks past its shutdown held a paced run's exit that long
        SizedScheduledExecutorService paceTimer = (SizedScheduledExecutorService) threads.newScheduledThreadPool(this, "ods-pace", sending);
        paceTimer.getScheduledThreadPoolExecutor().setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        registry.bind("odsPaceTimer", paceTimer);
        registry.bind("odsAuthorization", new OdsAuthorization(() -> ods.get().tokens(), (took, status) -> {
            metrics.odsRequest(took, status);
            pace.answered(took, status);
        }));
        // the http component makes no TLS context for an http ODS/API (camel.component.http.* configure it as Camel's)
        registry.bind("http", new PlainHttpComponent());
        ExecutorService endpointsThread = context.getExecutorServiceManager().newSingleThreadExecutor(this, "ods-endpoints");
        registry.bind("odsEndpoints", new OdsEndpoints(context, endpointsThread));

        // the beans the routes call, step by step
        Runs runs = new Runs(settings.schoolYear(), settings.program(), settings.dataStandard().orElse(null), ledger,
                settings.deleteGuardPercent(), Clock.systemDefaultZone(), metrics, ods, settings.odsConfigured(),
                runThreads);
        registry.bind("runs", runs);
        registry.bind("deliveryRoutes", new DeliveryRoutes(context, runs, endpointsThread,
                settings.required(PublisherMain.DELIVERY_ROUTES, "the routes that send")));
        registry.bind("judge", new Judge());
        registry.bind("recordBuilder", new RecordBuilder());
        registry.bind("naturalKeyMerge", new NaturalKeyMerge());
        registry.bind("changeTracking", new ChangeTracking());
        registry.bind("delivery", new Delivery(() -> ods.get().tokens(),
                context.getExecutorServiceManager().newSingleThreadExecutor(this, "ods-connect-ahead"), settings.publishPrograms()));
        registry.bind("results", new Results(metrics));
        registry.bind("retryAfter", new RetryAfterDelay());
        registry.bind("countRedelivery", new RedeliveryCounter(metrics));

        // operations: JMX control, and a clean stop of the run in flight on SIGTERM
        PublisherControl control = new PublisherControl(runs, settings.optional(Settings.SOURCE_JDBC_URL).orElse(null));
        registry.bind("publisherControl", control);
        context.addService(control, true, true);
        EventNotifierSupport stopping = new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                runs.stopInFlight("the publisher is shutting down");
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.CamelContextStoppingEvent;
            }
        };
        // a notifier that takes exchange events makes Camel create them for every message: this one needs none
        stopping.setIgnoreExchangeEvents(true);
        stopping.setIgnoreRouteEvents(true);
        stopping.setIgnoreServiceEvents(true);
        stopping.setIgnoreStepEvents(true);
        context.getManagementStrategy().addEventNotifier(stopping);

        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() throws Exception {
                if (endpoint != null) {
                    endpoint.close();
                }
                metrics.close();
                try {
                    powerschool.close();
                } finally {
                    ledgerDatabase.close();
                }
            }
        });
    }
}
