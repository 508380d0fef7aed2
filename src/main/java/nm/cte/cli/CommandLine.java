package nm.cte.cli;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Locale;
import nm.cte.run.RunOptions;
import nm.cte.sandbox.Layout;

/** Parses the command line of spec section 7. */
public final class CommandLine {

    public static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar nm-cte-publisher.jar COMMAND",
            "  demo",
            "  run [--mode changes|all|missing] [--school N] [--student ID] [--dry-run] [--confirm-deletes]",
            "  serve",
            "  export --out FILE.xlsx|FILE.csv [--run N]",
            "  explain ID",
            "  sandbox [--port N] [--layout shared|year|instance|tenant|dms|meadowlark]");

    private CommandLine() {
    }

    public static Invocation parse(String... args) throws UsageException {
        Deque<String> words = new ArrayDeque<>(Arrays.asList(args));
        if (words.isEmpty()) {
            throw new UsageException("no command given");
        }
        String command = words.removeFirst();
        Invocation invocation = switch (command) {
            case "demo" -> Invocation.of(Invocation.Command.DEMO);
            case "serve" -> Invocation.of(Invocation.Command.SERVE);
            case "run" -> run(words);
            case "export" -> export(words);
            case "explain" -> explain(words);
            case "sandbox" -> sandbox(words);
            default -> throw new UsageException("unknown command '" + command + "'");
        };
        if (!words.isEmpty()) {
            throw new UsageException(command + ": unexpected '" + words.peekFirst() + "'");
        }
        return invocation;
    }

    private static Invocation run(Deque<String> words) throws UsageException {
        RunOptions.Mode mode = RunOptions.Mode.CHANGES;
        Integer school = null;
        String student = null;
        boolean dryRun = false;
        boolean confirmDeletes = false;
        while (!words.isEmpty() && words.peekFirst().startsWith("--")) {
            String option = words.removeFirst();
            switch (option) {
                case "--mode" -> mode = mode(value(option, words));
                case "--school" -> school = number(option, value(option, words));
                case "--student" -> student = value(option, words);
                case "--dry-run" -> dryRun = true;
                case "--confirm-deletes" -> confirmDeletes = true;
                default -> throw new UsageException("run: unknown option " + option);
            }
        }
        RunOptions options = new RunOptions(mode, school, student, dryRun, confirmDeletes);
        return new Invocation(Invocation.Command.RUN, options, null, null, null, null, null);
    }

    private static Invocation export(Deque<String> words) throws UsageException {
        Path out = null;
        Long run = null;
        while (!words.isEmpty() && words.peekFirst().startsWith("--")) {
            String option = words.removeFirst();
            switch (option) {
                case "--out" -> out = Path.of(value(option, words));
                case "--run" -> run = (long) number(option, value(option, words));
                default -> throw new UsageException("export: unknown option " + option);
            }
        }
        if (out == null) {
            throw new UsageException("export: --out FILE.xlsx or FILE.csv is required");
        }
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".xlsx") && !name.endsWith(".csv")) {
            throw new UsageException("export: --out must name a .xlsx or .csv file");
        }
        return new Invocation(Invocation.Command.EXPORT, null, out, run, null, null, null);
    }

    private static Invocation explain(Deque<String> words) throws UsageException {
        if (words.isEmpty() || words.peekFirst().startsWith("--")) {
            throw new UsageException("explain: a STATE_STUDENTNUMBER or STUDENT_NUMBER is required");
        }
        return new Invocation(Invocation.Command.EXPLAIN, null, null, null, words.removeFirst(), null, null);
    }

    private static Invocation sandbox(Deque<String> words) throws UsageException {
        Integer port = null;
        Layout layout = Layout.SHARED;
        while (!words.isEmpty() && words.peekFirst().startsWith("--")) {
            String option = words.removeFirst();
            switch (option) {
                case "--port" -> port = number(option, value(option, words));
                case "--layout" -> layout = layout(value(option, words));
                default -> throw new UsageException("sandbox: unknown option " + option);
            }
        }
        return new Invocation(Invocation.Command.SANDBOX, null, null, null, null, port, layout);
    }

    private static Layout layout(String value) throws UsageException {
        try {
            return Layout.of(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--layout must be shared, year, instance, tenant, dms or meadowlark, not '" + value + "'");
        }
    }

    private static String value(String option, Deque<String> words) throws UsageException {
        if (words.isEmpty() || words.peekFirst().startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return words.removeFirst();
    }

    private static int number(String option, String value) throws UsageException {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number, not '" + value + "'");
        }
    }

    private static RunOptions.Mode mode(String value) throws UsageException {
        try {
            return RunOptions.Mode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--mode must be changes, all or missing, not '" + value + "'");
        }
    }
}
