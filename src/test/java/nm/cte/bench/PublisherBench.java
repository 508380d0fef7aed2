package nm.cte.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nm.cte.PowerSchoolFixture;
import nm.cte.demo.DemoDistrict;
import nm.cte.sandbox.Route;
import nm.cte.sandbox.SandboxOds;
import nm.cte.sandbox.SandboxOptions;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The publisher's benchmark (the "Performance" issue): B1 pipeline efficiency against a bare HTTP client, B2 a
 * latency-bound ODS, B3 an unchanged re-run, B4 a million enrollment periods in a small heap, B5 CPU per record.
 *
 * <p>Every figure comes from the packaged jar run in a child JVM as an operator runs it ({@code java -jar
 * nm-cte-publisher.jar run}), against the sandbox ODS/API running in this JVM on loopback, over a demo district
 * generated here. Run it with {@code mvn -B -Pbench verify}; see docs/benchmark.md. Not a test: the name keeps
 * surefire and failsafe away from it.
 */
public final class PublisherBench {

    static final String CLIENT_ID = "bench-district";
    static final String CLIENT_SECRET = "bench-secret-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
    static final int SCHOOL_YEAR = 2027;
    static final long SEED = 42;

    private final BenchSettings settings;
    private final BenchReport report = new BenchReport();
    private final long startNanos = System.nanoTime();
    private final long deadlineNanos;
    private final Map<Integer, String> sources = new HashMap<>();
    /** The children's JDK_JAVA_OPTIONS: the settings', with the class archive when there is one. */
    private String childOptions;
    private PublisherProcess.Result b1Run;
    private PublisherProcess.Result b3FirstRun;

    private PublisherBench(BenchSettings settings) {
        this.settings = settings;
        this.deadlineNanos = startNanos + settings.budget().toNanos();
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        if (!Files.isRegularFile(settings.jar())) {
            System.err.println("PublisherBench: no jar at " + settings.jar() + ": build it first (mvn -B -Pbench verify does)");
            System.exit(2);
        }
        watchdog(settings.budget().plusSeconds(90));
        PublisherBench bench = new PublisherBench(settings);
        int exit = bench.runAll();
        System.exit(exit);
    }

    private int runAll() throws IOException {
        Files.createDirectories(settings.workDir());
        say("Benchmark of " + settings.jar() + " in " + settings.workDir() + "; machine: " + report.machineLine());
        say("scenarios " + settings.scenarios() + ", time budget " + settings.budget().toSeconds() + " s");
        childOptions = settings.classArchive() ? withClassArchive(settings.jdkJavaOptions()) : settings.jdkJavaOptions();
        boolean broken = false;
        broken |= !scenario("S1", this::s1);
        broken |= !scenario("B1", this::b1);
        broken |= !scenario("B2", this::b2);
        broken |= !scenario("B3", this::b3);
        broken |= !scenario("B4", this::b4);
        broken |= !scenario("B5", this::b5);
        broken |= !scenario("B6", this::b6);
        broken |= !scenario("B7", this::b7);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        report.raw("settings", Map.ofEntries(Map.entry("b1Periods", settings.b1Periods()), Map.entry("b2Periods", settings.b2Periods()),
                Map.entry("b3Periods", settings.b3Periods()), Map.entry("b4Periods", settings.b4Periods()),
                Map.entry("b7Periods", settings.b7Periods()),
                Map.entry("connections", settings.connections()), Map.entry("latencyMs", settings.latency().toMillis()),
                Map.entry("baselineThreads", settings.baselineThreads()), Map.entry("jfr", settings.jfr()),
                Map.entry("jstackSamples", settings.jstackSamples()), Map.entry("appProperties", String.valueOf(settings.appProperties())),
                Map.entry("jdkJavaOptions", childOptions)));
        report.write(settings.jsonFile(), seconds);
        String table = report.table();
        say(String.format("done in %.0f s; results in %s%n%n%s", seconds, settings.jsonFile(), table));
        Files.writeString(settings.workDir().resolve("bench-table.txt"), table, StandardCharsets.UTF_8);
        boolean missed = report.anyMissed();
        if (Boolean.getBoolean("bench.failOnMiss") && (broken || missed)) {
            return 1;
        }
        return broken ? 1 : 0;
    }

    private interface Scenario {
        void run() throws Exception;
    }

    /** Runs one scenario if it was asked for; a scenario that throws gets a row saying so, and the others still run. */
    private boolean scenario(String name, Scenario body) {
        if (!settings.runs(name)) {
            return true;
        }
        say("---- " + name + " ----");
        long start = System.nanoTime();
        try {
            body.run();
            return true;
        } catch (Exception | Error e) {
            e.printStackTrace();
            report.row(name, "failed: " + e, "-", false, "the benchmark itself failed; see its output");
            return false;
        } finally {
            say(String.format("%s took %.0f s", name, (System.nanoTime() - start) / 1e9));
        }
    }

    // ---------------------------------------------------------------------------------------------------------- S1

    /** S1's minimal app, its floor, the publisher's run and its explain measure in turn, this many times: the median is the figure. */
    private static final int S1_PAIRS = 3;
    /** A small district: S1 times the start, not the work. */
    private static final int S1_PERIODS = 1_000;
    private static final String MINIMAL_LOGGED = "Minimal Camel Main started";
    private static final String FLOOR_LOGGED = "Floor Camel Main read the source";

    private void s1() throws Exception {
        String source = source(S1_PERIODS);
        List<String> students = stateIds(source).stream().filter(id -> !id.isBlank()).toList();
        Path dir = scenarioDir("s1");
        Path minimalSettings = oneRouteApp(dir, "minimal", List.of(), List.of(), MINIMAL_LOGGED);
        // the floor: the minimal app with only what every start of the publisher does besides Camel's own, from the design
        // card's components (a query of the source through camel-sql, on H2 as the source and the ledger are here, and a
        // message marshalled to JSON with camel-jackson), and JMX off as the publisher has it. Not a target: what is left
        // of the publisher's start above it is its own (routes, ledger, beans, the API's discovery).
        Path floorSettings = oneRouteApp(dir, "floor", List.of(
                        "        - to:",
                        "            uri: sql:SELECT COUNT(*) AS STUDENTS FROM STUDENTS",
                        "            parameters:",
                        "              dataSource: \"#source\"",
                        "        - marshal:",
                        "            json:",
                        "              library: Jackson"),
                List.of("camel.main.jmx-enabled = false",
                        "camel.beans.source = #class:com.zaxxer.hikari.HikariDataSource",
                        // read only, as the publisher opens an H2 source (Databases): H2 compacts a file it may write as it closes it
                        "camel.beans.source.jdbcUrl = " + source + ";ACCESS_MODE_DATA=r",
                        "camel.beans.source.username = sa"),
                FLOOR_LOGGED);
        String classpath = settings.jar() + java.io.File.pathSeparator
                + Path.of(MinimalCamelMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, Object> raw = new LinkedHashMap<>();
        String ledger = freshLedger(dir, "ledger");
        List<S1Pair> pairs = new ArrayList<>();
        try (SandboxOds ods = sandbox(students)) {
            // the ledger made and the district published once, so that each measured run is an operator's every-day run
            require(publish("s1-first-run", dir, source, ledger, ods, raw, cap(Duration.ofMinutes(2)), "run"), "S1 first run");
            for (int pair = 1; pair <= S1_PAIRS; pair++) {
                // plain java -jar, as a newcomer runs it: the JVM's defaults on every side, no class archive
                PublisherProcess.Result minimal = oneRouteRun("s1-minimal-" + pair, dir, classpath, minimalSettings, MINIMAL_LOGGED);
                PublisherProcess.Result floor = oneRouteRun("s1-floor-" + pair, dir, classpath, floorSettings, FLOOR_LOGGED);
                PublisherProcess.Result run = publishWith("", Map.of(), "s1-run-" + pair, dir, source, ledger, ods, raw,
                        cap(Duration.ofMinutes(2)), "run");
                require(run, "S1 run " + pair);
                PublisherProcess.Result explain = publishWith("", Map.of(), "s1-explain-" + pair, dir, source, ledger, ods, raw,
                        cap(Duration.ofMinutes(2)), "explain", students.get(0));
                if (explain.exitCode() != 0) {
                    throw new IllegalStateException("S1 pair " + pair + ": explain exited " + explain.exitCode());
                }
                S1Pair times = new S1Pair(minimal.runStartedAfterSeconds(), minimal.wallSeconds(), floor.runStartedAfterSeconds(),
                        floor.wallSeconds(), run.runStartedAfterSeconds(), explain.wallSeconds());
                pairs.add(times);
                raw.put("pair" + pair, Map.of("minimal", minimal.toJson(), "floor", floor.toJson(), "run", run.toJson(),
                        "explain", explain.toJson()));
                say(String.format("S1 pair %d: minimal app logged after %.2f s (ended %.2f s); floor logged after %.2f s (%.2f), "
                                + "ended %.2f s (%.2f); Run N started after %.2f s (%.2f); explain answered in %.2f s (%.2f)", pair,
                        times.minimalLogged(), times.minimalEnded(), times.floorLogged(), times.floorLoggedRatio(),
                        times.floorEnded(), times.floorEndedRatio(), times.runStarted(), times.runRatio(), times.explainEnded(),
                        times.explainRatio()));
            }
        }
        double runRatio = median(pairs.stream().mapToDouble(S1Pair::runRatio).toArray());
        double explainRatio = median(pairs.stream().mapToDouble(S1Pair::explainRatio).toArray());
        double floorLogged = median(pairs.stream().mapToDouble(S1Pair::floorLoggedRatio).toArray());
        double floorEnded = median(pairs.stream().mapToDouble(S1Pair::floorEndedRatio).toArray());
        raw.put("runRatio", BenchReport.round(runRatio, 3));
        raw.put("explainRatio", BenchReport.round(explainRatio, 3));
        raw.put("floorLoggedRatio", BenchReport.round(floorLogged, 3));
        raw.put("floorEndedRatio", BenchReport.round(floorEnded, 3));
        report.raw("S1", raw);
        report.row("S1 start-up (" + S1_PERIODS + " periods, unchanged; " + S1_PAIRS + " pairs)",
                String.format("run %.2f x, explain %.2f x a minimal Camel Main (run started after %s s, explain answered in %s s, "
                                + "the minimal app logged after %s s and ended after %s s); the floor of camel-sql and camel-jackson "
                                + "alone: %.2f x, %.2f x", runRatio, explainRatio,
                        seconds(pairs, S1Pair::runStarted), seconds(pairs, S1Pair::explainEnded),
                        seconds(pairs, S1Pair::minimalLogged), seconds(pairs, S1Pair::minimalEnded), floorLogged, floorEnded),
                "<= 1.5", runRatio <= 1.5 && explainRatio <= 1.5,
                "process start to 'Run N started' over process start to the minimal app's one log line (one YAML route, the "
                        + "same jar, plain java -jar on the JVM's defaults on both sides); explain's whole process over the minimal app's; "
                        + "median of the pairs. The floor is the minimal app, JMX off, whose route also counts the source's "
                        + "students through camel-sql (H2) and marshals the answer with camel-jackson, to its log line and its end");
        say(String.format("S1: run %.2f, explain %.2f; the floor %.2f, %.2f", runRatio, explainRatio, floorLogged, floorEnded));
    }

    /**
     * S1's yardsticks: a Camel Main of one YAML route that, once, takes these steps and logs this line, its settings only
     * these (and no publisher's); returns the settings file for {@link MinimalCamelMain}.
     */
    private static Path oneRouteApp(Path dir, String name, List<String> steps, List<String> beans, String logged)
            throws IOException {
        Path route = dir.resolve(name + ".yaml");
        List<String> lines = new ArrayList<>(List.of(
                "- route:",
                "    id: " + name,
                "    from:",
                "      uri: timer:once",
                "      parameters:",
                "        repeatCount: 1",
                "        delay: 0",
                "      steps:"));
        lines.addAll(steps);
        lines.addAll(List.of(
                "        - log:",
                "            loggingLevel: WARN",
                "            message: " + logged, ""));
        Files.writeString(route, String.join("\n", lines));
        Path properties = dir.resolve(name + ".properties");
        List<String> keys = new ArrayList<>(List.of("camel.main.name = " + name,
                "camel.main.routes-include-pattern = file:" + route, "camel.main.duration-max-messages = 1"));
        keys.addAll(beans);
        keys.add("");
        Files.writeString(properties, String.join("\n", keys));
        return properties;
    }

    private PublisherProcess.Result oneRouteRun(String label, Path dir, String classpath, Path appSettings, String logged)
            throws Exception {
        PublisherProcess.Result result = new PublisherProcess(label, dir)
                .main(classpath, MinimalCamelMain.class.getName(), appSettings.toString())
                .jdkJavaOptions("").startedWhen(logged).timeout(cap(Duration.ofMinutes(1))).run();
        if (result.exitCode() != 0 || result.runStartedAfterSeconds() < 0) {
            throw new IllegalStateException(label + ": exited " + result.exitCode() + ", logged after "
                    + result.runStartedAfterSeconds() + " s");
        }
        return result;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String seconds(List<S1Pair> pairs, ToDoubleFunction<S1Pair> time) {
        return pairs.stream().map(p -> String.format("%.2f", time.applyAsDouble(p))).collect(Collectors.joining(", "));
    }

    /**
     * One S1 pair's seconds from process start: the minimal app's and its floor's log line and end, "Run N started",
     * and explain's end; run and its floor's line are measured against the minimal app's line, explain and the floor's
     * end against the minimal app's end.
     */
    private record S1Pair(double minimalLogged, double minimalEnded, double floorLogged, double floorEnded, double runStarted,
                          double explainEnded) {

        double runRatio() {
            return runStarted / minimalLogged;
        }

        double explainRatio() {
            return explainEnded / minimalEnded;
        }

        double floorLoggedRatio() {
            return floorLogged / minimalLogged;
        }

        double floorEndedRatio() {
            return floorEnded / minimalEnded;
        }
    }

    // ---------------------------------------------------------------------------------------------------------- B1

    /** B1's publisher and bare client measure in turn, this many times: the median pair is the figure. */
    private static final int B1_PAIRS = 3;
    /** How many times the bare client POSTs all of B1's bodies to warm the sandbox up before the pairs. */
    private static final int B1_SANDBOX_WARM_UP_PASSES = 3;

    private void b1() throws Exception {
        int periods = settings.b1Periods();
        String source = source(periods);
        List<String> students = stateIds(source);
        Map<String, Object> raw = new LinkedHashMap<>();
        Path bodies;
        // the sandbox runs in this JVM: its code is warmed up by a publisher run of the same district first, so that
        // the publisher and the bare client below meet the same warm sandbox; a smaller warm-up left the sandbox
        // compiling its code during the publisher's run (0.16 ms a request against the bare client's 0.11)
        try (SandboxOds warm = sandbox(students)) {
            PublisherProcess.Result warmUp = publish("b1-sandbox-warm-up", scenarioDir("b1-warm-up"), source,
                    freshLedger(scenarioDir("b1-warm-up"), "ledger"), warm, raw, cap(Duration.ofMinutes(2)), "run");
            raw.put("sandboxWarmUp", warmUp.toJson());
            require(warmUp, "B1 sandbox warm-up run");
            bodies = BareHttpBaseline.writeBodies(warm.associations(), scenarioDir("b1-warm-up").resolve("bodies.jsonl"));
        }
        raw.put("baselineBodies", Files.readAllLines(bodies).size());
        raw.put("baselineBodiesBytes", Files.size(bodies));
        // the bare client's requests are the sandbox's too: without runs of it first, the sandbox's code was still
        // being compiled during the first pairs, and the bare client ran at 7,600, 10,300 and 11,900 requests/s
        for (int pass = 1; pass <= B1_SANDBOX_WARM_UP_PASSES; pass++) {
            try (SandboxOds warm = sandbox(students)) {
                BareHttpBaseline.Result warmUp = BareHttpBaseline.post("b1-bare-client-warm-up-" + pass, scenarioDir("b1-warm-up"),
                        settings.jdkJavaOptions(), warm.apiRoot(), CLIENT_ID, CLIENT_SECRET, bodies, settings.baselineThreads(),
                        cap(Duration.ofMinutes(1)));
                raw.put("baselineWarmUp" + pass, warmUp.toJson());
                say(String.format("B1 sandbox warm-up %d: the bare client at %.0f rec/s", pass, warmUp.perSecond()));
            }
        }
        // the publisher and the bare client in turn, each pair seconds apart: this machine's speed drifts by a quarter
        // within minutes, and a ratio of two runs far apart measured the drift as much as the publisher
        List<B1Pair> pairs = new ArrayList<>();
        for (int pair = 1; pair <= B1_PAIRS; pair++) {
            Path dir = scenarioDir("b1-" + pair);
            PublisherProcess.Result run;
            Map<String, Object> sandboxFigures;
            // the sandbox's threads end with it: their CPU is read while it is open
            double sandboxCpuDuringRun;
            try (SandboxOds ods = sandbox(students)) {
                long sandboxCpu = sandboxThreadCpuNanos();
                run = publish("b1-run-" + pair, dir, source, freshLedger(dir, "ledger"), ods, raw, cap(Duration.ofMinutes(4)), "run");
                require(run, "B1 publisher run " + pair);
                sandboxCpuDuringRun = (sandboxThreadCpuNanos() - sandboxCpu) / 1e9;
                sandboxFigures = sandboxFigures(ods);
            }
            BareHttpBaseline.Result baseline;
            double sandboxCpuDuringBaseline;
            try (SandboxOds ods = sandbox(students)) {
                long sandboxCpu = sandboxThreadCpuNanos();
                baseline = BareHttpBaseline.post("b1-bare-client-" + pair, dir, settings.jdkJavaOptions(), ods.apiRoot(), CLIENT_ID,
                        CLIENT_SECRET, bodies, settings.baselineThreads(), cap(Duration.ofMinutes(2)));
                sandboxCpuDuringBaseline = (sandboxThreadCpuNanos() - sandboxCpu) / 1e9;
                raw.put("sandboxDuringBaseline" + pair, sandboxFigures(ods));
            }
            B1Pair measured = new B1Pair(run, baseline, sandboxCpuDuringRun, sandboxCpuDuringBaseline);
            raw.put("cpuMillisPerRecord" + pair, measured.cpuMillisPerRecord());
            pairs.add(measured);
            raw.put("publisher" + pair, run.toJson());
            raw.put("sandboxDuringPublisher" + pair, sandboxFigures);
            raw.put("baseline" + pair, baseline.toJson());
            raw.put("ratio" + pair, BenchReport.round(measured.ratio(), 3));
            say(String.format("B1 pair %d: publisher %.0f rec/s, bare client %.0f rec/s, ratio %.2f; CPU ms a record %s", pair,
                    measured.publisherRate(), baseline.perSecond(), measured.ratio(), measured.cpuMillisPerRecord()));
        }
        List<B1Pair> byRatio = pairs.stream().sorted(Comparator.comparingDouble(B1Pair::ratio)).toList();
        B1Pair median = byRatio.get(byRatio.size() / 2);
        b1Run = median.run();
        double publisherRate = median.publisherRate();
        BareHttpBaseline.Result baseline = median.baseline();
        double ratio = median.ratio();
        raw.put("ratio", BenchReport.round(ratio, 3));
        report.raw("B1", raw);
        report.row("B1 pipeline efficiency (" + periods + " periods, " + settings.connections() + " connections, no latency)",
                String.format("%.2f (%.0f rec/s vs bare client %.0f rec/s; median of %d pairs: %s)", ratio, publisherRate,
                        baseline.perSecond(), pairs.size(), pairs.stream().map(each -> String.format("%.2f", each.ratio()))
                                .collect(Collectors.joining(", "))),
                ">= 0.70", ratio >= 0.7,
                String.format("publisher: %d PUBLISHED in its run of %.1f s (process %.1f s wall, %.1f CPU s; steady %s POSTs/s); "
                                + "bare client (Apache HttpClient 5 in a JVM of its own, the publisher's JVM options): %d of %d POSTs "
                                + "accepted in %.1f s, %d threads (process %.1f CPU s)",
                        run(b1Run, "PUBLISHED"), b1Run.runMillis() / 1000.0, b1Run.wallSeconds(), b1Run.cpuSeconds(),
                        steady(raw, b1Run.label()), baseline.accepted(), baseline.requests(), baseline.seconds(), settings.baselineThreads(),
                        baseline.process().cpuSeconds())
                        + "; CPU ms a record (publisher in its run, sandbox; bare client, sandbox): " + median.cpuMillisPerRecord().values());
        if (!childOptions.isBlank()) {
            // a control, not the target: the same run on the JVM's defaults, without docs/operations.md's JVM options
            try (SandboxOds ods = sandbox(students)) {
                Path controlDir = scenarioDir("b1-jvm-defaults");
                PublisherProcess.Result control = publishWith("", Map.of(), "b1-jvm-defaults", controlDir, source, freshLedger(controlDir, "ledger"),
                        ods, raw, cap(Duration.ofMinutes(3)), "run");
                if (control.ended() && control.runMillis() != null) {
                    double rate = control.count("PUBLISHED") / (control.runMillis() / 1000.0);
                    raw.put("jvmDefaults", control.toJson());
                    report.note("B1", String.format("control: on the JVM's defaults (no JDK_JAVA_OPTIONS) %.0f rec/s, %.2f, %.1f CPU s",
                            rate, rate / baseline.perSecond(), control.cpuSeconds()));
                }
            }
        }
        say(String.format("B1: publisher %.0f rec/s, bare client %.0f rec/s, ratio %.2f", publisherRate, baseline.perSecond(), ratio));
    }

    // ---------------------------------------------------------------------------------------------------------- B2

    /** B2's second latency, a slow real ODS/API's; a quarter of B2's periods keep its run as long as the first's. */
    private static final Duration B2_SLOW_LATENCY = Duration.ofMillis(100);

    private void b2() throws Exception {
        Map<String, Object> raw = new LinkedHashMap<>();
        // the sandbox runs in this JVM: its code is warmed up first (as B1's is), by a publisher run of B2's district
        // with no added latency, so that the publisher does not meet a sandbox still compiling its code where the bare
        // client after it meets a warm one (unwarmed, the first five seconds of the publisher's run at +20 ms were
        // answered in 35 to 600 ms a request instead of 23)
        String source = source(settings.b2Periods());
        try (SandboxOds warm = sandbox(stateIds(source))) {
            Path dir = scenarioDir("b2-warm-up");
            PublisherProcess.Result warmUp = publish("b2-sandbox-warm-up", dir, source, freshLedger(dir, "ledger"), warm, raw,
                    cap(Duration.ofMinutes(2)), "run");
            raw.put("sandboxWarmUp", warmUp.toJson());
            require(warmUp, "B2 sandbox warm-up run");
        }
        b2At(settings.latency(), settings.b2Periods(), raw);
        b2At(B2_SLOW_LATENCY, Math.max(500, settings.b2Periods() / 4), raw);
        report.raw("B2", raw);
    }

    /** The publisher and then a bare client, each against a fresh sandbox that answers after this latency. */
    private void b2At(Duration latency, int periods, Map<String, Object> allRaw) throws Exception {
        String source = source(periods);
        List<String> students = stateIds(source);
        String label = "b2-" + latency.toMillis() + "ms";
        Path dir = scenarioDir(label);
        Map<String, Object> raw = new LinkedHashMap<>();
        double ideal = settings.connections() / (latency.toNanos() / 1e9);
        Path bodies;
        PublisherProcess.Result run;
        double rate;
        long posts;
        try (SandboxOds ods = sandbox(students)) {
            ods.faults().latency(latency);
            run = publish(label + "-run", dir, source, freshLedger(dir, "ledger"), ods, raw, cap(Duration.ofMinutes(3)), "run");
            raw.put("publisher", run.toJson());
            raw.put("sandbox", sandboxFigures(ods));
            require(run, "B2 publisher run at +" + latency.toMillis() + " ms");
            rate = run.count("PUBLISHED") / (run.runMillis() / 1000.0);
            posts = ods.stats().requests(Route.POST_ASSOCIATION);
            bodies = BareHttpBaseline.writeBodies(ods.associations(), dir.resolve("bodies.jsonl"));
        }
        BareHttpBaseline.Result bare;
        try (SandboxOds ods = sandbox(students)) {
            ods.faults().latency(latency);
            bare = BareHttpBaseline.post(label + "-bare-client", dir, settings.jdkJavaOptions(), ods.apiRoot(),
                    CLIENT_ID, CLIENT_SECRET, bodies, settings.connections(), cap(Duration.ofMinutes(2)));
            raw.put("bareClient", bare.toJson());
        }
        double ratio = rate / bare.perSecond();
        raw.put("publishedPerSecondOfRun", BenchReport.round(rate, 1));
        raw.put("idealPerSecond", ideal);
        raw.put("ratio", BenchReport.round(ratio, 3));
        allRaw.put(label, raw);
        report.row("B2 latency-bound (" + periods + " periods, +" + latency.toMillis() + " ms, " + settings.connections() + " connections)",
                String.format("%.2f (%.0f rec/s vs a bare client %.0f rec/s; ideal %.0f)", ratio, rate, bare.perSecond(), ideal),
                ">= 0.95", ratio >= 0.95,
                String.format("%d PUBLISHED in its run of %.1f s (process %.1f s wall, %.1f CPU s); %d POSTs answered; "
                                + "steady %s POSTs/s, run started %.1f s and first POST %s s after the JVM started; the bare client: "
                                + "%d threads, %d of %d POSTs accepted in %.1f s",
                        run.count("PUBLISHED"), run.runMillis() / 1000.0, run.wallSeconds(), run.cpuSeconds(), posts,
                        steady(raw, label + "-run"), run.runStartedAfterSeconds(),
                        ((Map<?, ?>) raw.get(label + "-runPostTimeline")).get("firstPostAfterSeconds"), settings.connections(),
                        bare.accepted(), bare.requests(), bare.seconds()));
        say(String.format("B2 at +%d ms: publisher %.0f rec/s, bare client %.0f rec/s, ratio %.2f", latency.toMillis(), rate,
                bare.perSecond(), ratio));
    }

    // ---------------------------------------------------------------------------------------------------------- B3

    private void b3() throws Exception {
        int periods = settings.b3Periods();
        Map<String, Object> raw = new LinkedHashMap<>();
        // the target's condition: an ODS that answers in 20 ms, still faster than any real one (15 to 140 requests/s)
        ReRun atLatency = unchangedReRun("b3", periods, settings.b3Latency(), raw);
        b3FirstRun = atLatency.first();
        boolean met = atLatency.writes() == 0 && atLatency.ratio() <= 0.05;
        report.row("B3 unchanged re-run (" + periods + " periods, ODS +" + settings.b3Latency().toMillis() + " ms, "
                        + settings.connections() + " connections)",
                atLatency.measured(), "<= 0.05, 0 writes", met, atLatency.details());
        say("B3: " + atLatency.measured());
        if (settings.b3ZeroLatencyToo()) {
            // the same against the sandbox at full speed, where the first run is as short as the publisher can make it
            ReRun fullSpeed = unchangedReRun("b3-no-latency", periods, Duration.ZERO, raw);
            report.note("B3", "against the sandbox with no added latency: " + fullSpeed.measured() + "; " + fullSpeed.details());
            say("B3 with no added latency: " + fullSpeed.measured());
        }
        report.raw("B3", raw);
    }

    /** Two runs on one ledger and one sandbox: the first publishes the district, the second finds nothing changed. */
    private record ReRun(PublisherProcess.Result first, PublisherProcess.Result second, long writes, long requests) {

        double ratio() {
            return second.runMillis() / (double) first.runMillis();
        }

        String measured() {
            return String.format("%.3f (%.1f s / %.1f s), %d writes", ratio(), second.runMillis() / 1000.0, first.runMillis() / 1000.0,
                    writes);
        }

        String details() {
            return String.format("run 1: %s; run 2: %s; run 2 made %d requests in all; whole processes %.1f s and %.1f s (ratio %.2f)",
                    first.counts(), second.counts(), requests, first.wallSeconds(), second.wallSeconds(),
                    second.wallSeconds() / first.wallSeconds());
        }
    }

    private ReRun unchangedReRun(String label, int periods, Duration latency, Map<String, Object> raw) throws Exception {
        String source = source(periods);
        List<String> students = stateIds(source);
        Path dir = scenarioDir(label);
        Map<String, Object> figures = new LinkedHashMap<>();
        String ledger = freshLedger(dir, "ledger");
        try (SandboxOds ods = sandbox(students)) {
            ods.faults().latency(latency);
            Duration firstCap = cap(Duration.ofMinutes(6));
            PublisherProcess.Result first = publish(label + "-run1", dir, source, ledger, ods, raw, firstCap, "run");
            figures.put("latencyMs", latency.toMillis());
            figures.put("firstRun", first.toJson());
            figures.put("sandboxAfterFirstRun", sandboxFigures(ods));
            require(first, label + " first run");
            long postsBefore = ods.stats().requests(Route.POST_ASSOCIATION);
            long deletesBefore = ods.stats().requests(Route.DELETE_ASSOCIATION);
            long requestsBefore = ods.stats().requests();
            PublisherProcess.Result second = publish(label + "-run2", dir, source, ledger, ods, raw, cap(Duration.ofMinutes(4)), "run");
            figures.put("secondRun", second.toJson());
            require(second, label + " second run");
            long writes = ods.stats().requests(Route.POST_ASSOCIATION) - postsBefore
                    + ods.stats().requests(Route.DELETE_ASSOCIATION) - deletesBefore;
            ReRun reRun = new ReRun(first, second, writes, ods.stats().requests() - requestsBefore);
            figures.put("writeRequestsOfSecondRun", writes);
            figures.put("allRequestsOfSecondRun", reRun.requests());
            figures.put("ratio", BenchReport.round(reRun.ratio(), 4));
            figures.put("wallRatio", BenchReport.round(second.wallSeconds() / first.wallSeconds(), 4));
            raw.put(label, figures);
            return reRun;
        }
    }

    // ---------------------------------------------------------------------------------------------------------- B4

    private void b4() throws Exception {
        int periods = settings.b4Periods();
        String source = source(periods);
        Path dir = scenarioDir("b4");
        Path gcLog = dir.resolve("b4-gc.log");
        Files.deleteIfExists(gcLog);
        Map<String, Object> raw = new LinkedHashMap<>();
        PublisherProcess process = new PublisherProcess("b4-dry-run", dir)
                .jvm("-Xmx256m", "-Xlog:gc:file=" + gcLog)
                .jar(settings.jar(), "run", "--dry-run")
                .env(Map.of("CTE_SOURCE_JDBC_URL", source, "CTE_SOURCE_USERNAME", "sa",
                        "CTE_SCHOOL_YEAR", Integer.toString(SCHOOL_YEAR), "CTE_STATE_JDBC_URL", freshLedger(dir, "ledger")))
                .jdkJavaOptions(childOptions)
                .timeout(cap(Duration.ofMinutes(10)))
                .profiled(settings.jfr(), settings.jstackSamples());
        say("B4: dry run of " + periods + " periods with -Xmx256m, timeout " + cap(Duration.ofMinutes(10)).toSeconds() + " s");
        PublisherProcess.Result run = process.run();
        raw.put("dryRun", run.toJson());
        long lines = keepTail(run.stdout(), dir.resolve("b4-dry-run.tail.txt"), 40);
        raw.put("stdoutLines", lines);
        BenchReport.GcPeaks gc = Files.exists(gcLog) ? BenchReport.GcPeaks.of(gcLog) : new BenchReport.GcPeaks(0, 0, 0, 0, 0, "no log");
        raw.put("gc", Map.of("log", gcLog.toString(), "collector", gc.collector(), "collections", gc.collections(),
                "peakHeapAfterGcMb", gc.maxAfterMb(), "medianHeapAfterGcMb", gc.medianAfterMb(),
                "peakHeapBeforeGcMb", gc.maxBeforeMb(), "maxCommittedMb", gc.maxCommittedMb()));
        boolean completed = run.exitCode() == 0 && run.ended();
        double rate = run.ended() ? run.candidates() / (run.runMillis() / 1000.0)
                : lines / Math.max(1e-9, run.wallSeconds());
        raw.put("completed", completed);
        raw.put("rowsPerSecond", BenchReport.round(rate, 1));
        raw.put("rowsPerSecondOfWall", BenchReport.round((run.ended() ? run.candidates() : lines) / run.wallSeconds(), 1));
        report.raw("B4", raw);
        String measured = completed
                ? String.format("completed, %.0f rows/s, peak heap after GC %.0f MB (median %.0f MB)", rate, gc.maxAfterMb(),
                        gc.medianAfterMb())
                : String.format("NOT completed (exit %d%s), %.0f rows/s until then, peak heap after GC %.0f MB", run.exitCode(),
                        run.timedOut() ? ", timed out" : "", rate, gc.maxAfterMb());
        report.row("B4 scale (" + periods + " periods, dry run, -Xmx256m)", measured, "exit 0, >= 20000 rows/s",
                completed && rate >= 20_000,
                String.format("%s in its run of %s s (process %.1f s wall, %.1f CPU s); heap from -Xlog:gc (%s, %d collections: the largest and the median heap after a GC; largest before a GC %.0f MB)",
                        run.candidates() == null ? lines + " lines of output" : run.candidates() + " candidates",
                        run.runMillis() == null ? "?" : String.format("%.1f", run.runMillis() / 1000.0),
                        run.wallSeconds(), run.cpuSeconds(), gc.collector(), gc.collections(), gc.maxBeforeMb()));
        say(String.format("B4: %s", measured));
    }

    // ---------------------------------------------------------------------------------------------------------- B7

    /** The heap B7's re-run must complete in: far less than a year's ledger of a large district read into memory. */
    private static final String B7_HEAP = "-Xmx512m";

    /**
     * A district whose ledger holds every record PUBLISHED: a first run publishes it (to the sandbox with no added
     * latency, on the JVM's heap default), then the unchanged re-run, measured, in B7_HEAP.
     */
    private void b7() throws Exception {
        int periods = settings.b7Periods();
        String source = source(periods);
        List<String> students = stateIds(source);
        Path dir = scenarioDir("b7");
        Path gcLog = dir.resolve("b7-run2-gc.log");
        Files.deleteIfExists(gcLog);
        Map<String, Object> raw = new LinkedHashMap<>();
        String ledger = freshLedger(dir, "ledger");
        try (SandboxOds ods = sandbox(students)) {
            PublisherProcess.Result first = publish("b7-run1", dir, source, ledger, ods, raw, cap(Duration.ofMinutes(25)), "run");
            raw.put("firstRun", first.toJson());
            require(first, "B7 first run");
            long writesBefore = ods.stats().requests(Route.POST_ASSOCIATION) + ods.stats().requests(Route.DELETE_ASSOCIATION);
            PublisherProcess.Result second = publishWith((childOptions + " " + B7_HEAP + " -Xlog:gc:file=" + gcLog).strip(), Map.of(),
                    "b7-run2", dir, source, ledger, ods, raw, cap(Duration.ofMinutes(10)), "run");
            raw.put("secondRun", second.toJson());
            long writes = ods.stats().requests(Route.POST_ASSOCIATION) + ods.stats().requests(Route.DELETE_ASSOCIATION) - writesBefore;
            raw.put("writeRequestsOfSecondRun", writes);
            BenchReport.GcPeaks gc = Files.exists(gcLog) ? BenchReport.GcPeaks.of(gcLog) : new BenchReport.GcPeaks(0, 0, 0, 0, 0, "no log");
            raw.put("gc", Map.of("log", gcLog.toString(), "collections", gc.collections(), "peakHeapAfterGcMb", gc.maxAfterMb(),
                    "medianHeapAfterGcMb", gc.medianAfterMb(), "maxCommittedMb", gc.maxCommittedMb()));
            report.raw("B7", raw);
            boolean completed = second.ended() && second.exitCode() == 0;
            String measured = completed
                    ? String.format("completed in %.1f s (whole process %.1f s), %d writes, %d UNCHANGED, peak heap after GC %.0f MB",
                            second.runMillis() / 1000.0, second.wallSeconds(), writes, run(second, "UNCHANGED"), gc.maxAfterMb())
                    : String.format("NOT completed (exit %d%s) after %.1f s, peak heap after GC %.0f MB", second.exitCode(),
                            second.timedOut() ? ", timed out" : "", second.wallSeconds(), gc.maxAfterMb());
            report.row("B7 ledger scale (" + periods + " periods all PUBLISHED, unchanged re-run, " + B7_HEAP + ")", measured,
                    "completes, 0 writes", completed && writes == 0,
                    String.format("the first run published %d in %.1f s (%.1f s wall); the re-run: %s, %.1f CPU s",
                            run(first, "PUBLISHED"), first.runMillis() / 1000.0, first.wallSeconds(), second.counts(),
                            second.cpuSeconds()));
            say("B7: " + measured);
        }
    }

    // ---------------------------------------------------------------------------------------------------------- B6

    /** B6's ODS: what it allows a second, and how long it takes to answer, as a real throttling ODS/API. */
    private static final int B6_LIMIT = 40;
    private static final Duration B6_LEAST_LATENCY = Duration.ofMillis(50);
    private static final Duration B6_MOST_LATENCY = Duration.ofMillis(150);
    /** About 30 s of publishing at the limit. */
    private static final int B6_PERIODS = 1_500;

    private void b6() throws Exception {
        String source = source(B6_PERIODS);
        List<String> students = stateIds(source);
        Map<String, Object> raw = new LinkedHashMap<>();
        for (boolean paced : List.of(true, false)) {
            String label = paced ? "b6-paced" : "b6-unpaced";
            Path dir = scenarioDir(label);
            try (SandboxOds ods = sandbox(students)) {
                ods.faults().latency(B6_LEAST_LATENCY, B6_MOST_LATENCY).rateLimit(B6_LIMIT);
                Map<String, String> env = paced ? Map.of("CTE_ODS_MAX_REQUESTS_PER_SECOND", Integer.toString(B6_LIMIT)) : Map.of();
                PublisherProcess.Result run = publishWith(childOptions, env, label, dir, source, freshLedger(dir, "ledger"), ods, raw,
                        cap(Duration.ofMinutes(3)), "run");
                require(run, "B6 run " + (paced ? "with" : "without") + " CTE_ODS_MAX_REQUESTS_PER_SECOND");
                double rate = run.count("PUBLISHED") / (run.runMillis() / 1000.0);
                double ratio = rate / B6_LIMIT;
                long mostRefused = ods.stats().mostRateLimitedOfOneRequest();
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("run", run.toJson());
                figures.put("sandbox", sandboxFigures(ods));
                figures.put("rateLimited", ods.stats().rateLimited());
                figures.put("mostRateLimitedOfOneRequest", mostRefused);
                figures.put("ratio", BenchReport.round(ratio, 3));
                raw.put(label, figures);
                report.row("B6 throttling ODS (" + B6_PERIODS + " periods, " + B6_LIMIT + " requests/s then 429, "
                                + B6_LEAST_LATENCY.toMillis() + "-" + B6_MOST_LATENCY.toMillis() + " ms, " + settings.connections()
                                + " connections, " + (paced ? "CTE_ODS_MAX_REQUESTS_PER_SECOND=" + B6_LIMIT : "no pace set") + ")",
                        String.format("%.2f (%.1f rec/s of %d), %d refused with 429, at most %d times one record", ratio, rate, B6_LIMIT,
                                ods.stats().rateLimited(), mostRefused),
                        ">= 0.90, <= 2 refusals a record", ratio >= 0.9 && mostRefused <= 2,
                        String.format("%s in its run of %.1f s (process %.1f s wall); %d requests answered by status %s",
                                run.counts(), run.runMillis() / 1000.0, run.wallSeconds(), ods.stats().requests(),
                                ods.stats().responsesByStatus()));
                say(String.format("%s: %.1f rec/s (%.2f of %d/s), %d refused, at most %d times one record", label, rate, ratio, B6_LIMIT,
                        ods.stats().rateLimited(), mostRefused));
            }
        }
        report.raw("B6", raw);
    }

    // ---------------------------------------------------------------------------------------------------------- B5

    private void b5() {
        PublisherProcess.Result run = b3FirstRun != null && b3FirstRun.ended() ? b3FirstRun : b1Run;
        if (run == null || !run.ended() || run.count("PUBLISHED") == 0 || run.cpuSeconds() < 0) {
            report.row("B5 cost", "not measured (needs the run of B1 or B3)", "none (reported)", null, null);
            return;
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        for (PublisherProcess.Result each : Stream.of(b1Run, b3FirstRun).filter(r -> r != null && r.ended()).toList()) {
            Map<String, Object> figures = new LinkedHashMap<>();
            long published = each.count("PUBLISHED");
            figures.put("published", published);
            figures.put("cpuSeconds", BenchReport.round(each.cpuSeconds(), 2));
            figures.put("cpuSource", each.cpuSource());
            figures.put("cpuSecondsPer10kPublished", BenchReport.round(each.cpuSeconds() / published * 10_000, 2));
            if (each.cpuBeforeRunSeconds() >= 0) {
                figures.put("cpuSecondsBeforeRunStarted", BenchReport.round(each.cpuBeforeRunSeconds(), 2));
                figures.put("cpuSecondsPer10kPublishedRunOnly",
                        BenchReport.round((each.cpuSeconds() - each.cpuBeforeRunSeconds()) / published * 10_000, 2));
            }
            raw.put(each.label(), figures);
        }
        report.raw("B5", raw);
        long published = run.count("PUBLISHED");
        double per10k = run.cpuSeconds() / published * 10_000;
        String runOnly = run.cpuBeforeRunSeconds() >= 0
                ? String.format(", %.1f without start-up", (run.cpuSeconds() - run.cpuBeforeRunSeconds()) / published * 10_000)
                : "";
        report.row("B5 cost (" + run.label() + ")", String.format("%.1f CPU s per 10,000 published%s", per10k, runOnly),
                "none (reported)", null,
                String.format("%.1f CPU s (user+sys) for %d PUBLISHED; %s; start-up (JVM + Camel until 'Run N started') from /proc/PID/stat",
                        run.cpuSeconds(), published, run.cpuSource()));
        say(String.format("B5: %.1f CPU s per 10,000 published (%s)", per10k, run.label()));
    }

    /** One publisher run of B1 and the bare client's run right after it. */
    /**
     * One publisher run of B1 and the bare client's run right after it, with the CPU the sandbox's threads used during
     * each: on a machine whose cores all three share, the ratio can be no better than what each record costs them.
     */
    private record B1Pair(PublisherProcess.Result run, BareHttpBaseline.Result baseline, double sandboxCpuDuringRun,
                          double sandboxCpuDuringBaseline) {
        double publisherRate() {
            return run.count("PUBLISHED") / (run.runMillis() / 1000.0);
        }

        /** CPU milliseconds a record: the publisher's in its run (after its start-up), the bare client's, the sandbox's. */
        Map<String, Object> cpuMillisPerRecord() {
            double published = run.count("PUBLISHED");
            Map<String, Object> perRecord = new LinkedHashMap<>();
            perRecord.put("publisherInItsRun", run.cpuBeforeRunSeconds() < 0 ? null
                    : BenchReport.round((run.cpuSeconds() - run.cpuBeforeRunSeconds()) * 1000 / published, 3));
            perRecord.put("sandboxDuringPublisher", BenchReport.round(sandboxCpuDuringRun * 1000 / published, 3));
            perRecord.put("bareClient", BenchReport.round(baseline.cpuSeconds() * 1000 / baseline.accepted(), 3));
            perRecord.put("sandboxDuringBareClient", BenchReport.round(sandboxCpuDuringBaseline * 1000 / baseline.accepted(), 3));
            return perRecord;
        }

        double ratio() {
            return publisherRate() / baseline.perSecond();
        }
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    /**
     * The options with a class archive of the jar, made as docs/operations.md, "JVM options", tells an operator to: by
     * the jar's own demo, so that no scenario's run trains it. Without the archive when the demo could not make it.
     */
    private String withClassArchive(String options) throws IOException {
        Path dir = scenarioDir("class-archive");
        Path archive = dir.resolve("nm-cte-publisher.jsa");
        Files.deleteIfExists(archive);
        try {
            PublisherProcess.Result demo = new PublisherProcess("demo", dir).jar(settings.jar(), "demo")
                    .jdkJavaOptions(options + " -XX:ArchiveClassesAtExit=" + archive).timeout(cap(Duration.ofMinutes(2))).run();
            if (demo.exitCode() == 0 && Files.isRegularFile(archive)) {
                say(String.format("class archive: %s (%.0f MB), made by the demo in %.1f s", archive, Files.size(archive) / 1e6,
                        demo.wallSeconds()));
                return options + " -XX:SharedArchiveFile=" + archive;
            }
            say("class archive: the demo exited " + demo.exitCode() + " without one; the children run without it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return options;
    }

    private PublisherProcess.Result publish(String label, Path dir, String source, String ledger, SandboxOds ods,
                                            Map<String, Object> raw, Duration timeout, String... args)
            throws IOException, InterruptedException {
        return publishWith(childOptions, Map.of(), label, dir, source, ledger, ods, raw, timeout, args);
    }

    /** @param more more of the child's environment ({@code CTE_*}), beside the scenario's source, ledger and ODS */
    private PublisherProcess.Result publishWith(String jdkJavaOptions, Map<String, String> more, String label, Path dir,
                                                String source, String ledger, SandboxOds ods, Map<String, Object> raw,
                                                Duration timeout, String... args)
            throws IOException, InterruptedException {
        Map<String, String> env = new LinkedHashMap<>(more);
        env.put("CTE_SOURCE_JDBC_URL", source);
        env.put("CTE_SOURCE_USERNAME", "sa");
        env.put("CTE_SCHOOL_YEAR", Integer.toString(SCHOOL_YEAR));
        env.put("CTE_STATE_JDBC_URL", ledger);
        env.put("CTE_ODS_BASE_URL", ods.apiRoot().toString());
        env.put("CTE_ODS_CLIENT_ID", CLIENT_ID);
        env.put("CTE_ODS_CLIENT_SECRET", CLIENT_SECRET);
        env.put("CTE_ODS_MAX_CONNECTIONS", Integer.toString(settings.connections()));
        say(label + ": " + (jdkJavaOptions.isBlank() ? "" : "JDK_JAVA_OPTIONS='" + jdkJavaOptions + "' ") + "java -jar "
                + settings.jar().getFileName() + " " + String.join(" ", args) + " (timeout " + timeout.toSeconds() + " s)");
        long sandboxThreadsBefore = sandboxThreadCpuNanos();
        PostTimeline timeline = PostTimeline.start(() -> ods.stats().requests(Route.POST_ASSOCIATION));
        PublisherProcess.Result result;
        try {
            result = new PublisherProcess(label, dir).jar(settings.jar(), args).env(env).jdkJavaOptions(jdkJavaOptions).timeout(timeout)
                    .profiled(settings.jfr(), settings.jstackSamples()).run();
        } finally {
            timeline.stop();
        }
        raw.put(label + "PostTimeline", timeline.summary());
        say(String.format("%s: exit %d%s, %.1f s wall, run %s ms, %s, %.1f CPU s; sandbox threads used %.1f CPU s",
                label, result.exitCode(), result.timedOut() ? " (TIMED OUT)" : "", result.wallSeconds(), result.runMillis(),
                result.counts(), result.cpuSeconds(), (sandboxThreadCpuNanos() - sandboxThreadsBefore) / 1e9));
        return result;
    }

    private static Object steady(Map<String, Object> raw, String label) {
        Object timeline = raw.get(label + "PostTimeline");
        return timeline instanceof Map<?, ?> map ? map.get("postsPerSecondSteady10to90") : null;
    }

    private static void require(PublisherProcess.Result run, String what) throws IOException {
        if (!run.ended() || run.exitCode() != 0 && run.exitCode() != 3) {
            String err = Files.readString(run.stderr(), StandardCharsets.UTF_8);
            throw new IllegalStateException(what + " did not complete (exit " + run.exitCode() + (run.timedOut() ? ", timed out" : "")
                    + "): " + err.substring(Math.max(0, err.length() - 2000)));
        }
    }

    private static long run(PublisherProcess.Result result, String status) {
        return result == null ? 0 : result.count(status);
    }

    private static SandboxOds sandbox(List<String> students) throws IOException {
        SandboxOds ods = SandboxOds.start(SandboxOptions.defaults(CLIENT_ID, CLIENT_SECRET));
        ods.addStudents(students);
        return ods;
    }

    /** Requests and CPU of the sandbox's own threads (its handlers and the JDK server's dispatcher) so far. */
    private static Map<String, Object> sandboxFigures(SandboxOds ods) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("requestsByRoute", ods.stats().requestsByRoute().entrySet().stream().filter(e -> e.getValue() > 0)
                .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey().name(), e.getValue()), Map::putAll));
        figures.put("responsesByStatus", ods.stats().responsesByStatus());
        double cpu = sandboxThreadCpuNanos() / 1e9;
        figures.put("sandboxThreadsCpuSecondsSoFar", BenchReport.round(cpu, 2));
        long requests = ods.stats().requests();
        if (requests > 0) {
            figures.put("sandboxCpuMillisPerRequest", BenchReport.round(cpu * 1000 / requests, 4));
        }
        return figures;
    }

    /** CPU time of the live threads of every sandbox in this JVM: "sandbox-ods-N" handlers and "HTTP-Dispatcher". */
    private static long sandboxThreadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("sandbox-ods-") || info.getThreadName().startsWith("HTTP-Dispatcher"))) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    total += cpu;
                }
            }
        }
        return total;
    }

    /** The demo district of this size, as an H2 file under workDir/sources, made once per invocation (or reused). */
    private String source(int periods) throws SQLException, IOException {
        String known = sources.get(periods);
        if (known != null) {
            return known;
        }
        Path dir = settings.workDir().resolve("sources");
        Files.createDirectories(dir);
        Path base = dir.resolve("district-" + periods);
        Path file = dir.resolve("district-" + periods + ".mv.db");
        Path marker = dir.resolve("district-" + periods + ".done");
        String url = "jdbc:h2:" + base;
        if (settings.reuseSources() && Files.exists(file) && Files.exists(marker)) {
            say("source: reusing " + file);
        } else {
            Files.deleteIfExists(marker);
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir.resolve("district-" + periods + ".trace.db"));
            long start = System.nanoTime();
            JdbcDataSource db = new JdbcDataSource();
            db.setURL(url);
            db.setUser("sa");
            db.setPassword("");
            DemoDistrict district = DemoDistrict.generate(db, periods, SCHOOL_YEAR, SEED);
            double seconds = (System.nanoTime() - start) / 1e9;
            Files.writeString(marker, district.students() + " students, " + district.enrollmentPeriods() + " periods");
            say(String.format("source: generated %d enrollment periods of %d students in %.1f s", district.enrollmentPeriods(),
                    district.students(), seconds));
            report.raw("source" + periods, Map.of("seconds", BenchReport.round(seconds, 1), "students", district.students()));
        }
        // read only, as the publisher reads PowerSchool: a process that opens the file to write may compact it, and H2
        // then loses chunks under a query that streams the source ("Chunk ... not found")
        String readOnly = url + ";ACCESS_MODE_DATA=r";
        sources.put(periods, readOnly);
        return readOnly;
    }

    /** Every state id of the source, for the sandbox to know as its Students. */
    private static List<String> stateIds(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            return PowerSchoolFixture.stateIds(connection);
        }
    }

    /** A scenario's working directory, with the application.properties of bench.appProperties or none. */
    private Path scenarioDir(String name) throws IOException {
        Path dir = settings.workDir().resolve(name);
        Files.createDirectories(dir);
        Path properties = dir.resolve("application.properties");
        if (settings.appProperties() != null) {
            Files.copy(settings.appProperties(), properties, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            say(name + ": the children read " + settings.appProperties() + " as their working directory's application.properties");
        } else {
            Files.deleteIfExists(properties);
        }
        return dir;
    }

    /** A JDBC URL of a ledger that does not exist yet. */
    private static String freshLedger(Path dir, String name) throws IOException {
        Files.deleteIfExists(dir.resolve(name + ".mv.db"));
        Files.deleteIfExists(dir.resolve(name + ".trace.db"));
        return "jdbc:h2:" + dir.resolve(name);
    }

    /** The limit for one child: its own cap, cut to what is left of the budget (at least 30 s). */
    private Duration cap(Duration limit) {
        long left = deadlineNanos - System.nanoTime();
        return Duration.ofNanos(Math.max(Duration.ofSeconds(30).toNanos(), Math.min(limit.toNanos(), left)));
    }

    /** Counts the lines of a (large) output, keeps its last lines beside it, and deletes it. */
    private static long keepTail(Path output, Path tail, int keep) throws IOException {
        if (output == null || !Files.exists(output)) {
            return 0;
        }
        long lines = 0;
        Deque<String> last = new ArrayDeque<>();
        try (BufferedReader reader = Files.newBufferedReader(output, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                last.addLast(line);
                if (last.size() > keep) {
                    last.removeFirst();
                }
            }
        }
        Files.write(tail, last, StandardCharsets.UTF_8);
        Files.delete(output);
        return lines;
    }

    private static void watchdog(Duration limit) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(limit.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("PublisherBench: still running after " + limit.toSeconds() + " s: stopping its children and itself");
            ProcessHandle.current().descendants().sorted(Comparator.comparingLong(ProcessHandle::pid).reversed())
                    .forEach(ProcessHandle::destroyForcibly);
            Runtime.getRuntime().halt(4);
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void say(String line) {
        System.out.println("[bench] " + line);
        System.out.flush();
    }
}
