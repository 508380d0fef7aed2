package nm.cte.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The benchmark's results: the table it prints and the JSON it writes, with the machine they were measured on. */
final class BenchReport {

    /** One line of the table. {@code met} is null for a figure without a target or one that could not be measured. */
    record Row(String scenario, String measured, String target, Boolean met, String note) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> raw = new LinkedHashMap<>();
    private final OffsetDateTime started = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
    private final String loadAtStart = loadAverage();

    void row(String scenario, String measured, String target, Boolean met, String note) {
        rows.add(new Row(scenario, measured, target, met, note));
    }

    /** Adds to the note of the scenario's row (the first whose scenario starts with this name). */
    void note(String scenario, String more) {
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.scenario().startsWith(scenario + " ")) {
                rows.set(i, new Row(row.scenario(), row.measured(), row.target(), row.met(),
                        row.note() == null || row.note().isEmpty() ? more : row.note() + "; " + more));
                return;
            }
        }
    }

    boolean anyMissed() {
        return rows.stream().anyMatch(row -> Boolean.FALSE.equals(row.met()));
    }

    void raw(String key, Object value) {
        raw.put(key, value);
    }

    String table() {
        String[] header = {"scenario", "measured", "target", "met"};
        List<String[]> lines = new ArrayList<>();
        lines.add(header);
        for (Row row : rows) {
            lines.add(new String[] {row.scenario(), row.measured(), row.target(), row.met() == null ? "n/a" : row.met() ? "yes" : "NO"});
        }
        int[] widths = new int[header.length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (int l = 0; l < lines.size(); l++) {
            StringBuilder text = new StringBuilder("|");
            for (int i = 0; i < header.length; i++) {
                text.append(' ').append(pad(lines.get(l)[i], widths[i])).append(" |");
            }
            table.append(text).append('\n');
            if (l == 0) {
                StringBuilder rule = new StringBuilder("|");
                for (int width : widths) {
                    rule.append('-').append("-".repeat(width)).append("-|");
                }
                table.append(rule).append('\n');
            }
        }
        for (Row row : rows) {
            if (row.note() != null && !row.note().isEmpty()) {
                table.append("  ").append(row.scenario().split(" ")[0]).append(": ").append(row.note()).append('\n');
            }
        }
        return table.toString();
    }

    void write(Path file, double benchSeconds) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", started.toString());
        json.put("benchmarkSeconds", round(benchSeconds, 1));
        json.put("machine", machine());
        List<Map<String, Object>> table = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("scenario", row.scenario());
            line.put("measured", row.measured());
            line.put("target", row.target());
            line.put("met", row.met());
            line.put("note", row.note());
            table.add(line);
        }
        json.put("results", table);
        json.put("raw", raw);
        Files.createDirectories(file.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    }

    Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("nproc", Runtime.getRuntime().availableProcessors());
        machine.put("memTotal", memTotal());
        machine.put("cpu", cpuModel());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        machine.put("javaVersion", javaVersion());
        machine.put("loadAverageAtStart", loadAtStart);
        machine.put("loadAverageAtEnd", loadAverage());
        machine.put("benchJvmArgs", ManagementFactory.getRuntimeMXBean().getInputArguments());
        return machine;
    }

    String machineLine() {
        return Runtime.getRuntime().availableProcessors() + " CPUs (" + cpuModel() + "), " + memTotal() + ", "
                + javaVersion().lines().findFirst().orElse("java ?") + ", load average at start " + loadAtStart;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // below
        }
        return "unknown";
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            // below
        }
        return "unknown";
    }

    /** {@code java -version} of the JVM the children run on. */
    private static String javaVersion() {
        try {
            Process java = new ProcessBuilder(PublisherProcess.javaExecutable(), "-version").redirectErrorStream(true).start();
            String text = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            java.waitFor(30, TimeUnit.SECONDS);
            return text;
        } catch (IOException e) {
            return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return System.getProperty("java.runtime.version");
        }
    }

    static Double round(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value < 0) {
            return null;
        }
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    /** The peaks of a unified GC log (-Xlog:gc:file=...): "GC(n) Pause ... 120M->35M(256M) 4.2ms" lines. */
    record GcPeaks(int collections, double maxBeforeMb, double maxAfterMb, double medianAfterMb, double maxCommittedMb,
                   String collector) {

        private static final Pattern PAUSE = Pattern.compile("GC\\(\\d+\\).*?(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
        private static final Pattern USING = Pattern.compile("Using (\\S+)");

        static GcPeaks of(Path log) throws IOException {
            int collections = 0;
            double before = 0;
            double after = 0;
            double committed = 0;
            String collector = "unknown";
            List<Double> afters = new ArrayList<>();
            for (String line : Files.readAllLines(log)) {
                Matcher using = USING.matcher(line);
                if (using.find()) {
                    collector = using.group(1);
                }
                Matcher pause = PAUSE.matcher(line);
                if (pause.find()) {
                    collections++;
                    before = Math.max(before, mb(pause.group(1), pause.group(2)));
                    after = Math.max(after, mb(pause.group(3), pause.group(4)));
                    afters.add(mb(pause.group(3), pause.group(4)));
                    committed = Math.max(committed, mb(pause.group(5), pause.group(6)));
                }
            }
            afters.sort(null);
            double median = afters.isEmpty() ? 0 : afters.get(afters.size() / 2);
            return new GcPeaks(collections, before, after, median, committed, collector);
        }

        private static double mb(String amount, String unit) {
            double value = Double.parseDouble(amount);
            return switch (unit) {
                case "K" -> value / 1024;
                case "G" -> value * 1024;
                default -> value;
            };
        }
    }
}
