package nm.cte.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A stand-in for the state's Ed-Fi ODS/API on loopback, for operators, the demo, tests and benchmarks. */
public final class SandboxOds implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxOds.class);
    private static final String LOOPBACK = "127.0.0.1";
    // enough for 16 client connections even while latency keeps every handler asleep
    private static final int THREADS = Math.max(32, 4 * Runtime.getRuntime().availableProcessors());
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private final SandboxOptions options;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI apiRoot;
    private final String basePath;
    private final String dataPath;
    private final String tokenPath;
    private final Registry students;
    private final Registry programs;
    private final AssociationStore store;
    private final AssociationView view;
    private final Faults faults;
    private final Tokens tokens;
    private final Stats stats = new Stats();

    private SandboxOds(SandboxOptions options, HttpServer server) {
        this.options = options;
        this.server = server;
        this.apiRoot = URI.create("http://" + LOOPBACK + ":" + server.getAddress().getPort());
        Layout layout = options.layout();
        this.basePath = layout.basePath(options.schoolYear());
        this.dataPath = layout.dataPath(options.schoolYear());
        this.tokenPath = layout.tokenPath(options.schoolYear());
        Clock clock = Clock.systemUTC();
        Versions versions = new Versions(clock);
        this.tokens = new Tokens(options.tokenLifetime(), clock);
        this.faults = new Faults(tokens);
        this.students = new Registry(versions);
        this.programs = new Registry(versions);
        this.store = new AssociationStore(versions);
        this.view = new AssociationView(options.standard(), options.speaksProblemDetails(), students, programs);
        ErrorDialect errors = ErrorDialect.of(options);
        String dataUrl = apiRoot + dataPath;
        AssociationEndpoint associations = new AssociationEndpoint(dataUrl + "/ed-fi/studentCTEProgramAssociations",
                new AssociationSchema(options.standard()), store, view, students, programs, options.programsChecked(),
                errors);
        server.createContext("/", new Dispatcher(new LayoutPaths(layout, options.schoolYear()), faults, stats,
                new Authentication(tokens), errors, new DiscoveryEndpoint(options, apiRoot.toString(), clock),
                new TokenEndpoint(options.clientId(), options.clientSecret(), tokens, stats, layout == Layout.MEADOWLARK),
                associations,
                RegistrationEndpoint.students(dataUrl, students, errors),
                RegistrationEndpoint.programs(dataUrl, programs, errors)));
        this.executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        server.setExecutor(executor);
    }

    /** Binds 127.0.0.1 on the options' port (0: any free one) and starts answering. */
    public static SandboxOds start(SandboxOptions options) throws IOException {
        // the JDK server writes headers and body apart: with Nagle's algorithm on, the client's delayed ACK holds
        // every answer with a body back by 40 ms. The server reads this once, when the JVM creates its first one.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(LOOPBACK), options.port()), 0);
        SandboxOds sandbox;
        try {
            sandbox = new SandboxOds(options, server);
        } catch (RuntimeException e) {
            server.stop(0);
            throw e;
        }
        server.start();
        LOG.info("{}", sandbox);
        return sandbox;
    }

    /**
     * The server's root, http://127.0.0.1:PORT; for the shared layout also the API root: token at
     * {apiRoot}/oauth/token, resources at {apiRoot}/data/v3/ed-fi/...
     */
    public URI apiRoot() {
        return apiRoot;
    }

    /** What an operator sets as CTE_ODS_BASE_URL: the URL that serves the discovery document of this layout. */
    public URI baseUrl() {
        return URI.create(apiRoot + basePath);
    }

    /** The URL that /ed-fi/studentCTEProgramAssociations is appended to, in this layout. */
    public URI dataUrl() {
        return URI.create(apiRoot + dataPath);
    }

    /** Where this layout serves tokens. */
    public URI tokenUrl() {
        return URI.create(apiRoot + tokenPath);
    }

    /** Students the ODS knows, as POST /data/v3/ed-fi/students would make them known. */
    public void addStudents(Collection<String> studentUniqueIds) {
        studentUniqueIds.forEach(students::register);
    }

    /** A program the ODS knows, as POST /data/v3/ed-fi/programs would make it known. */
    public void addProgram(long educationOrganizationId, String programName, String programTypeDescriptor) {
        programs.register(NaturalKey.programKey(Long.toString(educationOrganizationId), programName, programTypeDescriptor));
    }

    public Faults faults() {
        return faults;
    }

    /** The stored studentCTEProgramAssociations as GET returns them, in creation order. */
    public List<ObjectNode> associations() {
        return store.all().stream().map(view::render).toList();
    }

    /** Every access token this sandbox has issued. */
    public Set<String> issuedTokens() {
        return tokens.issued();
    }

    public Stats stats() {
        return stats;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        LOG.info("sandbox ODS/API at {} stopped", apiRoot);
    }

    @Override
    public String toString() {
        Layout layout = options.layout();
        String odsApi = layout == Layout.DMS || layout == Layout.MEADOWLARK ? "" : "Ed-Fi ODS/API ";
        return "sandbox " + odsApi + layout.label(options.apiMajorVersion()) + ", Data Standard "
                + options.dataStandard() + ", at " + baseUrl() + " (token " + tokenUrl() + ", data " + dataUrl() + ")";
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = Executors.defaultThreadFactory();
        return runnable -> {
            Thread thread = threads.newThread(runnable);
            thread.setName("sandbox-ods-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
