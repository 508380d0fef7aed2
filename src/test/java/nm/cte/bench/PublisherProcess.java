package nm.cte.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One child JVM running the packaged publisher (or another main class), bounded by a timeout, with its CPU time
 * measured by the OS: {@code /usr/bin/time -f "%U %S %e %M"} around the JVM when the machine has it, and in any case
 * samples of {@code /proc/PID/stat} (utime + stime) of the JVM itself every 200 ms, the one taken when the run's
 * "started" line appears giving the CPU spent before the run (JVM and Camel start-up).
 */
final class PublisherProcess {

    static final String JDK_JAVA_OPTIONS = "JDK_JAVA_OPTIONS";

    private static final Path TIME = Path.of("/usr/bin/time");
    private static final Pattern ENDED = Pattern.compile("(?:Run (\\d+)|Dry run) ended in (\\d+) ms: (\\d+) candidates(?:, (.*))?");
    private static final Pattern STARTED = Pattern.compile("(?:Dry run|Run \\d+) started:");
    private static final Pattern COUNT = Pattern.compile("([A-Z_]+) (\\d+)");
    private static final long CLOCK_TICKS = clockTicks();

    /** What a child did. CPU figures are seconds; -1 where unknown. */
    record Result(String label, List<String> command, int exitCode, boolean timedOut, double wallSeconds,
                  double cpuUserSeconds, double cpuSystemSeconds, String cpuSource, double cpuBeforeRunSeconds,
                  double runStartedAfterSeconds,
                  long maxRssKb, Long runMillis, Long candidates, Map<String, Long> counts, Path stdout, Path stderr,
                  List<Path> threadDumps, Path jfr) {

        double cpuSeconds() {
            return cpuUserSeconds < 0 ? -1 : cpuUserSeconds + cpuSystemSeconds;
        }

        long count(String status) {
            return counts.getOrDefault(status, 0L);
        }

        boolean ended() {
            return runMillis != null;
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("label", label);
            json.put("command", String.join(" ", command));
            json.put("exitCode", exitCode);
            json.put("timedOut", timedOut);
            json.put("wallSeconds", BenchReport.round(wallSeconds, 3));
            json.put("runMillis", runMillis);
            json.put("candidates", candidates);
            json.put("counts", counts);
            json.put("cpuSeconds", BenchReport.round(cpuSeconds(), 2));
            json.put("cpuUserSeconds", BenchReport.round(cpuUserSeconds, 2));
            json.put("cpuSystemSeconds", BenchReport.round(cpuSystemSeconds, 2));
            json.put("cpuSource", cpuSource);
            json.put("cpuBeforeRunSeconds", BenchReport.round(cpuBeforeRunSeconds, 2));
            json.put("runStartedAfterSeconds", BenchReport.round(runStartedAfterSeconds, 2));
            json.put("maxRssKb", maxRssKb < 0 ? null : maxRssKb);
            json.put("stdout", stdout == null ? null : stdout.toString());
            json.put("stderr", stderr.toString());
            if (!threadDumps.isEmpty()) {
                json.put("threadDumps", threadDumps.stream().map(Path::toString).toList());
            }
            if (jfr != null) {
                json.put("jfr", jfr.toString());
            }
            return json;
        }
    }

    private final String label;
    private final Path dir;
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> mainAndArgs = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Duration timeout = Duration.ofMinutes(5);
    private boolean discardStdout;
    private int jstackSamples;
    private boolean jfr;
    private Pattern startedWhen = STARTED;

    PublisherProcess(String label, Path dir) {
        this.label = label;
        this.dir = dir;
    }

    PublisherProcess jvm(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    /** {@code -jar JAR args...} */
    PublisherProcess jar(Path jar, String... args) {
        mainAndArgs.add("-jar");
        mainAndArgs.add(jar.toString());
        mainAndArgs.addAll(List.of(args));
        return this;
    }

    /** {@code -cp CLASSPATH MAIN args...} */
    PublisherProcess main(String classpath, String mainClass, String... args) {
        mainAndArgs.add("-cp");
        mainAndArgs.add(classpath);
        mainAndArgs.add(mainClass);
        mainAndArgs.addAll(List.of(args));
        return this;
    }

    PublisherProcess env(Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    /** JDK_JAVA_OPTIONS of the child, as an operator sets it (docs/operations.md, "JVM options"); blank: JVM defaults. */
    PublisherProcess jdkJavaOptions(String options) {
        environment.put(JDK_JAVA_OPTIONS, options);
        return this;
    }

    /** The line on stderr that marks the child as started (default: the run's "Run N started:"). */
    PublisherProcess startedWhen(String regex) {
        startedWhen = Pattern.compile(regex);
        return this;
    }

    PublisherProcess timeout(Duration limit) {
        timeout = limit;
        return this;
    }

    PublisherProcess discardStdout() {
        discardStdout = true;
        return this;
    }

    PublisherProcess profiled(boolean withJfr, int dumps) {
        jfr = withJfr;
        jstackSamples = dumps;
        return this;
    }

    Result run() throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path out = discardStdout ? null : dir.resolve(label + ".out");
        Path err = dir.resolve(label + ".err");
        Path timeFile = dir.resolve(label + ".time");
        Files.deleteIfExists(timeFile);
        Path jfrFile = jfr ? dir.resolve(label + ".jfr") : null;
        List<String> command = new ArrayList<>();
        boolean timed = Files.isExecutable(TIME);
        if (timed) {
            command.addAll(List.of(TIME.toString(), "-f", "%U %S %e %M", "-o", timeFile.toString()));
        }
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        if (jfrFile != null) {
            command.add("-XX:StartFlightRecording=filename=" + jfrFile + ",settings=profile,dumponexit=true");
        }
        command.addAll(mainAndArgs);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(out.toFile()))
                .redirectError(ProcessBuilder.Redirect.to(err.toFile()));
        // nothing of the caller's own publisher settings may leak into a scenario
        builder.environment().keySet().removeIf(key -> key.startsWith("CTE_") || key.startsWith("CAMEL_")
                || key.equals(JDK_JAVA_OPTIONS) || key.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(environment);
        if (builder.environment().getOrDefault(JDK_JAVA_OPTIONS, "").isBlank()) {
            builder.environment().remove(JDK_JAVA_OPTIONS);
        }
        long start = System.nanoTime();
        Process process = builder.start();
        long deadline = start + timeout.toNanos();
        ProcessHandle jvm = timed ? awaitChild(process) : process.toHandle();
        double lastCpu = -1;
        double cpuBeforeRun = -1;
        List<Path> dumps = new ArrayList<>();
        long runStartedAt = 0;
        long nextDumpAt = Long.MAX_VALUE;
        boolean timedOut = false;
        // every 10 ms until the child has started, so that start-up is timed to 10 ms; every 200 ms after
        while (!process.waitFor(runStartedAt == 0 ? 10 : 200, TimeUnit.MILLISECONDS)) {
            double cpu = jvm == null ? -1 : procCpuSeconds(jvm.pid());
            if (cpu >= 0) {
                lastCpu = cpu;
            }
            if (runStartedAt == 0 && started(err, startedWhen)) {
                runStartedAt = System.nanoTime();
                cpuBeforeRun = lastCpu;
                nextDumpAt = runStartedAt + TimeUnit.SECONDS.toNanos(2);
            }
            if (jvm != null && dumps.size() < jstackSamples && System.nanoTime() >= nextDumpAt) {
                dumps.add(threadDump(jvm.pid(), dir.resolve(label + "-jstack-" + (dumps.size() + 1) + ".txt")));
                nextDumpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            }
            if (System.nanoTime() > deadline) {
                timedOut = true;
                // only what this benchmark started: the JVM under /usr/bin/time, then the wrapper
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
                break;
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        int exit = process.isAlive() ? -1 : process.exitValue();
        double user = -1;
        double system = -1;
        long rss = -1;
        String source;
        Optional<double[]> measured = timed && !timedOut ? readTime(timeFile) : Optional.empty();
        if (measured.isPresent()) {
            user = measured.get()[0];
            system = measured.get()[1];
            rss = (long) measured.get()[3];
            source = "/usr/bin/time -f '%U %S' around the child JVM (whole process, start-up included)";
        } else {
            user = lastCpu;
            system = 0;
            source = "last /proc/PID/stat sample (utime+stime, every 200 ms) of the child JVM, so up to 200 ms short";
        }
        String errText = Files.readString(err, StandardCharsets.UTF_8);
        Long runMillis = null;
        Long candidates = null;
        Map<String, Long> counts = new LinkedHashMap<>();
        Matcher ended = ENDED.matcher(errText);
        while (ended.find()) {
            runMillis = Long.parseLong(ended.group(2));
            candidates = Long.parseLong(ended.group(3));
            counts.clear();
            if (ended.group(4) != null) {
                Matcher count = COUNT.matcher(ended.group(4));
                while (count.find()) {
                    counts.put(count.group(1), Long.parseLong(count.group(2)));
                }
            }
        }
        if (runStartedAt == 0 && started(err, startedWhen)) {
            // it started and ended between two samples
            runStartedAt = System.nanoTime();
        }
        double runStartedAfter = runStartedAt == 0 ? -1 : (runStartedAt - start) / 1e9;
        return new Result(label, command, exit, timedOut, wall, user, system, source, cpuBeforeRun, runStartedAfter, rss, runMillis,
                candidates, counts, out, err, dumps, jfrFile);
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static ProcessHandle awaitChild(Process process) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Optional<ProcessHandle> child = process.toHandle().children().findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            if (!process.isAlive()) {
                return null;
            }
            Thread.sleep(20);
        }
        return null;
    }

    private static boolean started(Path err, Pattern startedWhen) {
        try {
            if (Files.size(err) == 0) {
                return false;
            }
            String text = Files.readString(err, StandardCharsets.UTF_8);
            return startedWhen.matcher(text).find();
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** utime + stime of a process, in seconds, from /proc; -1 when it cannot be read. */
    static double procCpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state is field 3, utime field 14 and stime field 15 of proc(5)
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Optional<double[]> readTime(Path timeFile) {
        try {
            List<String> lines = Files.readAllLines(timeFile);
            // the last line: a child killed by a signal gets a "Command terminated" line first
            String[] parts = lines.get(lines.size() - 1).strip().split("\\s+");
            return Optional.of(new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                    Double.parseDouble(parts[2]), Double.parseDouble(parts[3])});
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Path threadDump(long pid, Path file) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(file.toFile()).start();
            if (!dump.waitFor(20, TimeUnit.SECONDS)) {
                dump.destroyForcibly();
            }
        } catch (IOException e) {
            return file;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return file;
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String text = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (getconf.waitFor(5, TimeUnit.SECONDS) && text.matches("\\d+")) {
                return Long.parseLong(text);
            }
        } catch (IOException | InterruptedException e) {
            // the usual value on Linux
        }
        return 100;
    }
}
