package nm.cte.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one benchmark invocation measures, from system properties ({@code -Dbench.X=...}), with the defaults of the
 * project's "Performance" issue. The pom's {@code bench} profile passes the jar and the output directory.
 *
 * @param jar            the packaged publisher, run in child JVMs exactly as an operator runs it
 * @param workDir        sources, ledgers, logs and the children's output (target/bench)
 * @param jsonFile       the report (target/bench.json)
 * @param b7Periods      B7's district, whose every record the ledger holds PUBLISHED (bench.b7.periods)
 * @param scenarios      which of S1, B1..B7 to run (bench.only=B1,B3); B5 is computed from the runs of B1 and B3
 * @param budget         the whole benchmark's time budget: every child's timeout is cut to what is left of it
 * @param b3Latency      what the sandbox adds to each request in B3 (B2's 20 ms unless bench.b3.latencyMs says)
 * @param b3ZeroLatencyToo B3 also against the sandbox with no added latency, reported beside the target's figure
 * @param jfr            record every publishing child with JFR (profile settings) for diagnosis; off for figures
 * @param jstackSamples  thread dumps (jcmd Thread.print) taken of every publishing child while its run is going on
 * @param reuseSources   keep generated source databases between invocations (bench.reuseSources=true)
 * @param appProperties  an application.properties put in every child's working directory (bench.appProperties=FILE),
 *                       to try a setting without a rebuild; null: none, the jar's own settings
 * @param jdkJavaOptions the children's JDK_JAVA_OPTIONS: the operators' recommendation (docs/operations.md, "JVM
 *                       options") unless bench.jdkJavaOptions says otherwise (an empty value: the JVM's defaults)
 * @param classArchive   whether the children use a class archive of the jar, made first by its demo
 *                       (docs/operations.md, "JVM options"): with those options only, unless bench.classArchive=false
 */
record BenchSettings(Path jar, Path workDir, Path jsonFile, int b1Periods, int b2Periods, int b3Periods, int b4Periods, int b7Periods,
                     int connections, Duration latency, Duration b3Latency, boolean b3ZeroLatencyToo, int baselineThreads, Set<String> scenarios, Duration budget,
                     boolean jfr, int jstackSamples, boolean reuseSources, Path appProperties, String jdkJavaOptions,
                     boolean classArchive) {

    /** What docs/operations.md, "JVM options", recommends to operators. */
    static final String RECOMMENDED_JDK_JAVA_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    static BenchSettings fromSystemProperties() {
        Path target = Path.of(System.getProperty("bench.target", "target")).toAbsolutePath();
        Path jar = Path.of(System.getProperty("bench.jar", target.resolve("nm-cte-publisher.jar").toString())).toAbsolutePath();
        Path work = Path.of(System.getProperty("bench.workDir", target.resolve("bench").toString())).toAbsolutePath();
        Path json = Path.of(System.getProperty("bench.json", target.resolve("bench.json").toString())).toAbsolutePath();
        String asked = System.getProperty("bench.only", "");
        Set<String> only = Arrays.stream((asked.isBlank() ? "S1,B2,B3,B4,B5,B6,B7" : asked).split(","))
                .map(s -> s.strip().toUpperCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        return new BenchSettings(jar, work, json,
                Integer.getInteger("bench.b1.periods", 20_000),
                Integer.getInteger("bench.b2.periods", 8_000),
                Integer.getInteger("bench.b3.periods", 100_000),
                Integer.getInteger("bench.b4.periods", 1_000_000),
                Integer.getInteger("bench.b7.periods", 1_000_000),
                Integer.getInteger("bench.connections", 8),
                Duration.ofMillis(Long.getLong("bench.b2.latencyMs", 20)),
                Duration.ofMillis(Long.getLong("bench.b3.latencyMs", Long.getLong("bench.b2.latencyMs", 20))),
                Boolean.parseBoolean(System.getProperty("bench.b3.noLatencyToo", "true")),
                Integer.getInteger("bench.baselineThreads", 8),
                only,
                Duration.ofSeconds(Long.getLong("bench.budgetSeconds", 35 * 60)),
                Boolean.getBoolean("bench.jfr"),
                Integer.getInteger("bench.jstack", 0),
                Boolean.getBoolean("bench.reuseSources"),
                System.getProperty("bench.appProperties", "").isBlank() ? null
                        : Path.of(System.getProperty("bench.appProperties")).toAbsolutePath(),
                System.getProperty("bench.jdkJavaOptions", RECOMMENDED_JDK_JAVA_OPTIONS),
                System.getProperty("bench.jdkJavaOptions", RECOMMENDED_JDK_JAVA_OPTIONS).equals(RECOMMENDED_JDK_JAVA_OPTIONS)
                        && Boolean.parseBoolean(System.getProperty("bench.classArchive", "true")));
    }

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }
}
