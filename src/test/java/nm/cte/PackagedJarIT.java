package nm.cte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import nm.cte.sandbox.SandboxOds;
import nm.cte.sandbox.SandboxOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as an operator runs it: from another working directory, with everything inside it. */
class PackagedJarIT {

    private static final String JAR = Path.of(System.getProperty("publisher.jar")).toAbsolutePath().toString();

    @TempDir
    static Path data;
    private static String sourceUrl;

    private record Result(int exit, String out, String err) {
    }

    @BeforeAll
    static void makeDemoDatabase() throws Exception {
        sourceUrl = "jdbc:h2:" + data.resolve("demo").toAbsolutePath();
        Result made = java(data, Map.of(), "-cp", JAR, "nm.cte.demo.DemoDatabase", sourceUrl, "600", "2027");
        assertEquals(0, made.exit(), made.err());
    }

    private static Result java(Path workingDirectory, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().putAll(environment);
        Path out = Files.createTempFile(data, "out", ".txt");
        Path err = Files.createTempFile(data, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the jar did not finish");
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Map<String, String> source() {
        return Map.of("CTE_SOURCE_JDBC_URL", sourceUrl, "CTE_SOURCE_USERNAME", "sa", "CTE_SCHOOL_YEAR", "2027");
    }

    @Test
    void dryRunFromAnyWorkingDirectoryPrintsRecordsAndSummary(@TempDir Path elsewhere) throws Exception {
        Result run = java(elsewhere, source(), "-jar", JAR, "run", "--dry-run");

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("Summary of a dry run (nothing sent, ledger unchanged): school year 2026-27, 600 candidate enrollment periods"), run.out());
        assertTrue(run.out().contains("\"ctePrograms\""), run.out());
        assertFalse(run.err().contains("compact notation"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void workingDirectorySettingsOverrideThePackagedOnes(@TempDir Path elsewhere) throws Exception {
        Files.writeString(elsewhere.resolve("application.properties"), "cte.ods.data-standard = 5\n");

        Result run = java(elsewhere, source(), "-jar", JAR, "run", "--dry-run");

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("\"cteProgramServices\""), run.out());
    }

    @Test
    void missingSourceSettingExitsWithOneLine(@TempDir Path elsewhere) throws Exception {
        Result run = java(elsewhere, Map.of("CTE_SOURCE_JDBC_URL", ""), "-jar", JAR, "run", "--dry-run");

        assertEquals(1, run.exit());
        assertEquals("CTE_SOURCE_JDBC_URL is not set: the JDBC URL of the PowerSchool database", run.err().strip());
    }

    @Test
    void ledgerThatCannotBeOpenedEndsRunAndServeWithOneLine(@TempDir Path elsewhere) throws Exception {
        Map<String, String> settings = new HashMap<>(source());
        settings.put("CTE_STATE_JDBC_URL", "jdbc:h2:" + elsewhere.resolve("no-ledger") + ";IFEXISTS=TRUE");
        settings.put("CTE_SOURCE_CONNECT_TIMEOUT_SECONDS", "1");

        for (String command : List.of("run", "serve")) {
            Result result = java(elsewhere, settings, "-jar", JAR, command);

            assertEquals(1, result.exit(), command + ": " + result.err());
            assertEquals(1, result.err().strip().lines().count(), command + ": " + result.err());
            assertTrue(result.err().startsWith("cannot use the ledger database jdbc:h2:"), command + ": " + result.err());
        }
    }

    @Test
    void wrongUsageExitsWith2(@TempDir Path elsewhere) throws Exception {
        assertEquals(2, java(elsewhere, Map.of(), "-jar", JAR, "run", "--mode", "often").exit());
    }

    @Test
    void demoPublishesToTheSandbox(@TempDir Path elsewhere) throws Exception {
        Result demo = java(elsewhere, Map.of(), "-jar", JAR, "demo");

        assertEquals(0, demo.exit(), demo.err());
        assertTrue(demo.out().lines().anyMatch(line -> line.matches("\\s+PUBLISHED\\s+[1-9]\\d*")), demo.out());
    }

    @Test
    void tracedRunShowsNeitherSecretNorToken(@TempDir Path elsewhere) throws Exception {
        String everything = runShowingNeitherSecretNorToken(elsewhere, Map.of("CAMEL_MAIN_TRACING", "true"));

        assertTrue(everything.contains("[deliver"), "tracing was on: " + everything);
    }

    @Test
    void debugLoggedRunShowsNeitherSecretNorToken(@TempDir Path elsewhere) throws Exception {
        // an operator chasing a problem turns every logger to debug, Camel's resolution of the settings among them
        String everything = runShowingNeitherSecretNorToken(elsewhere,
                Map.of("JDK_JAVA_OPTIONS", "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug"));

        assertTrue(everything.contains(" DEBUG "), "debug logging was on");
    }

    /** Runs against a sandbox with the client secret in the environment; returns what the run printed. */
    private static String runShowingNeitherSecretNorToken(Path elsewhere, Map<String, String> more) throws Exception {
        String secret = "Tr4ce-Me-If-You-Can-" + System.nanoTime();
        try (SandboxOds ods = SandboxOds.start(SandboxOptions.defaults("district-001", secret))) {
            ods.addStudents(stateIds());
            Map<String, String> environment = new java.util.HashMap<>(source());
            environment.putAll(Map.of("CTE_ODS_BASE_URL", ods.apiRoot().toString(), "CTE_ODS_CLIENT_ID", "district-001",
                    "CTE_ODS_CLIENT_SECRET", secret));
            environment.putAll(more);

            Result run = java(elsewhere, environment, "-jar", JAR, "run");

            assertEquals(0, run.exit(), run.err());
            String everything = run.out() + run.err();
            assertTrue(ods.stats().tokensIssued() > 0);
            assertFalse(everything.contains(secret), "the client secret shows");
            for (String token : ods.issuedTokens()) {
                assertFalse(everything.contains(token), "a token shows");
            }
            assertFalse(everything.contains("Bearer"), "an Authorization header shows");
            return everything;
        }
    }

    @Test
    void serveRunsOnItsScheduleAndStopsCleanlyOnSigterm(@TempDir Path elsewhere) throws Exception {
        try (SandboxOds ods = SandboxOds.start(SandboxOptions.defaults("district-001", "secret"))) {
            ods.addStudents(stateIds());
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR, "serve");
            ProcessBuilder builder = new ProcessBuilder(command).directory(elsewhere.toFile())
                    .redirectErrorStream(true).redirectOutput(elsewhere.resolve("serve.log").toFile());
            builder.environment().putAll(source());
            // H2 would close the source by itself at JVM exit, under the run that SIGTERM is stopping
            builder.environment().put("CTE_SOURCE_JDBC_URL", sourceUrl + ";DB_CLOSE_ON_EXIT=FALSE");
            builder.environment().putAll(Map.of("CTE_ODS_BASE_URL", ods.apiRoot().toString(), "CTE_ODS_CLIENT_ID", "district-001",
                    "CTE_ODS_CLIENT_SECRET", "secret", "CTE_SCHEDULE_CRON", "0/2 * * * * ?"));
            Process serve = builder.start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!Files.readString(elsewhere.resolve("serve.log")).contains("Run 1 ended") && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertFalse(ods.associations().isEmpty(), Files.readString(elsewhere.resolve("serve.log")));
            } finally {
                serve.destroy();
            }
            assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
            String log = Files.readString(elsewhere.resolve("serve.log"));
            assertTrue(log.contains("Serving: runs on the schedule '0/2 * * * * ?'"), log);
            assertTrue(log.contains("Run 1 ended"), log);
            assertFalse(log.contains("Exception"), log);
            assertFalse(log.contains("Failed delivery"), log);
        }
    }

    @Test
    void killedMidRunTheNextRunCompletesTheWork(@TempDir Path elsewhere) throws Exception {
        long expected = readyRecords(elsewhere);
        try (SandboxOds ods = SandboxOds.start(SandboxOptions.defaults("district-001", "secret"))) {
            ods.addStudents(stateIds());
            ods.faults().latency(java.time.Duration.ofMillis(30));
            Map<String, String> environment = new java.util.HashMap<>(source());
            environment.putAll(Map.of("CTE_ODS_BASE_URL", ods.apiRoot().toString(), "CTE_ODS_CLIENT_ID", "district-001",
                    "CTE_ODS_CLIENT_SECRET", "secret", "CTE_ODS_MAX_CONNECTIONS", "2",
                    "CTE_STATE_JDBC_URL", "jdbc:h2:" + elsewhere.resolve("ledger").toAbsolutePath(), "CTE_STATE_LEASE_SECONDS", "4"));
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR, "run");
            ProcessBuilder builder = new ProcessBuilder(command).directory(elsewhere.toFile())
                    .redirectErrorStream(true).redirectOutput(elsewhere.resolve("killed.log").toFile());
            builder.environment().putAll(environment);
            Process run = builder.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (ods.stats().requests(nm.cte.sandbox.Route.POST_ASSOCIATION) < 60 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            run.destroyForcibly();
            assertTrue(run.waitFor(30, TimeUnit.SECONDS));
            long beforeKill = ods.associations().size();
            assertTrue(beforeKill > 0 && beforeKill < expected, "killed at " + beforeKill + " of " + expected);
            ods.faults().clear();
            // the killed run's lease outlives it: the next run starts once it expired
            Thread.sleep(5000);

            Result next = java(elsewhere, environment, "-jar", JAR, "run");

            assertEquals(0, next.exit(), next.err());
            java.util.Set<String> keys = new java.util.HashSet<>();
            ods.associations().forEach(record -> keys.add(record.at("/studentReference/studentUniqueId").asText() + "|"
                    + record.at("/beginDate").asText() + "|" + record.at("/educationOrganizationReference/educationOrganizationId").asText()));
            assertEquals(expected, ods.associations().size(), "records in the ODS");
            assertEquals(expected, keys.size(), "one record per natural key");
            java.util.Set<String> ids = new java.util.HashSet<>();
            ods.associations().forEach(record -> ids.add(record.get("id").asText()));
            java.util.Set<String> published = new java.util.HashSet<>();
            try (Connection ledger = DriverManager.getConnection("jdbc:h2:" + elsewhere.resolve("ledger").toAbsolutePath(), "", "");
                 ResultSet rows = ledger.createStatement().executeQuery("SELECT RESOURCE_ID FROM CTE_RECORD WHERE STATUS = 'PUBLISHED'")) {
                while (rows.next()) {
                    published.add(rows.getString(1));
                }
            }
            assertEquals(ids, published, "the ledger agrees with the ODS");
            System.out.printf("kill -9 test: killed after %d of %d records; the next run published the rest; %d in the ODS, 0 duplicates%n",
                    beforeKill, expected, keys.size());
        }
    }

    /** A `serve` of the jar, as on one machine: its own working directory and copy of the source, the shared ledger. */
    private static Process serve(Path machine, SandboxOds ods, String ledger, Map<String, String> more) throws IOException {
        Files.createDirectories(machine);
        Files.copy(data.resolve("demo.mv.db"), machine.resolve("powerschool.mv.db"));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR, "serve");
        ProcessBuilder builder = new ProcessBuilder(command).directory(machine.toFile())
                .redirectErrorStream(true).redirectOutput(machine.resolve("serve.log").toFile());
        builder.environment().putAll(source());
        builder.environment().putAll(Map.of("CTE_SOURCE_JDBC_URL", "jdbc:h2:" + machine.resolve("powerschool").toAbsolutePath()
                        + ";DB_CLOSE_ON_EXIT=FALSE", "CTE_STATE_JDBC_URL", ledger,
                "CTE_ODS_BASE_URL", ods.apiRoot().toString(), "CTE_ODS_CLIENT_ID", "district-001", "CTE_ODS_CLIENT_SECRET", "secret",
                "CTE_SCHEDULE_CRON", "0/2 * * * * ?", "CTE_STATE_LEASE_SECONDS", "6"));
        builder.environment().putAll(more);
        return builder.start();
    }

    /** The ledger's runs, "number outcome", in order. */
    private static List<String> runs(String ledger) throws Exception {
        List<String> runs = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(ledger);
             ResultSet rows = connection.createStatement().executeQuery("SELECT RUN_NUMBER, OUTCOME FROM CTE_RUN ORDER BY RUN_NUMBER")) {
            while (rows.next()) {
                runs.add(rows.getLong(1) + " " + rows.getString(2));
            }
        }
        return runs;
    }

    private static long completedRuns(String ledger) {
        try {
            return runs(ledger).stream().filter(run -> run.endsWith("COMPLETED")).count();
        } catch (Exception e) {
            return 0;
        }
    }

    /** The READY records of the demo district: what the ODS must end with. */
    private static long readyRecords(Path elsewhere) throws Exception {
        Result dryRun = java(elsewhere, source(), "-jar", JAR, "run", "--dry-run");
        return dryRun.out().lines().filter(line -> line.matches("\\s+READY\\s+\\d+")).mapToLong(
                line -> Long.parseLong(line.strip().split("\\s+")[1])).sum();
    }

    /**
     * Waits for what two serving JVMs do, for at most three minutes (two JVMs start slowly on a busy machine); given
     * up, it shows what both machines logged. No timing is asserted.
     */
    private static void awaitShowingLogs(java.util.function.BooleanSupplier done, Path machines) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting\nmachine a:\n" + Files.readString(machines.resolve("a/serve.log"))
                        + "\nmachine b:\n" + Files.readString(machines.resolve("b/serve.log")));
            }
            Thread.sleep(100);
        }
    }

    private static void stop(Process... processes) throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void twoServesOnOneLedgerRunEachScheduledFireOnceAndSendEachRecordOnce(@TempDir Path elsewhere) throws Exception {
        long expected = readyRecords(elsewhere);
        String ledger = Postgres.freshDatabase();
        try (SandboxOds ods = SandboxOds.start(SandboxOptions.defaults("district-001", "secret"))) {
            ods.addStudents(stateIds());
            Process machineA = serve(elsewhere.resolve("a"), ods, ledger, Map.of());
            Process machineB = serve(elsewhere.resolve("b"), ods, ledger, Map.of());
            try {
                awaitShowingLogs(() -> completedRuns(ledger) >= 3, elsewhere);

                assertTrue(machineA.isAlive() && machineB.isAlive(), "both keep serving");
            } finally {
                stop(machineA, machineB);
            }
            assertEquals(expected, ods.stats().requests(nm.cte.sandbox.Route.POST_ASSOCIATION), "records sent");
            assertEquals(expected, ods.associations().size(), "records in the ODS");
            String logs = Files.readString(elsewhere.resolve("a/serve.log")) + Files.readString(elsewhere.resolve("b/serve.log"));
            assertTrue(logs.contains("Scheduled run skipped: "), "no fire found the other machine's run: " + logs);
            for (String run : runs(ledger)) {
                // each run started once, on one machine
                long number = Long.parseLong(run.split(" ")[0]);
                assertEquals(1, logs.lines().filter(line -> line.contains(" Run " + number + " started")).count(), logs);
            }
            assertFalse(logs.contains("Exception"), logs);
        }
    }

    @Test
    void killedHolderIsTakenOverByTheOtherServeOnceItsLeaseExpired(@TempDir Path elsewhere) throws Exception {
        long expected = readyRecords(elsewhere);
        String ledger = Postgres.freshDatabase();
        try (SandboxOds ods = SandboxOds.start(SandboxOptions.defaults("district-001", "secret"))) {
            ods.addStudents(stateIds());
            // a first run slow enough to be killed in the middle
            ods.faults().latency(java.time.Duration.ofMillis(30));
            Map<String, String> slow = Map.of("CTE_ODS_MAX_CONNECTIONS", "1");
            Process machineA = serve(elsewhere.resolve("a"), ods, ledger, slow);
            Process machineB = serve(elsewhere.resolve("b"), ods, ledger, slow);
            try {
                awaitShowingLogs(() -> ods.stats().requests(nm.cte.sandbox.Route.POST_ASSOCIATION) >= 40, elsewhere);
                long holderPid;
                try (Connection connection = DriverManager.getConnection(ledger);
                     ResultSet lease = connection.createStatement().executeQuery("SELECT HOLDER_PID FROM CTE_LEASE")) {
                    lease.next();
                    holderPid = lease.getLong(1);
                }
                Process holder = machineA.pid() == holderPid ? machineA : machineB;
                Process other = holder == machineA ? machineB : machineA;
                holder.destroyForcibly();
                assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
                long atKill = ods.associations().size();
                assertTrue(atKill < expected, "killed after " + atKill + " of " + expected);
                ods.faults().clear();

                awaitShowingLogs(() -> completedRuns(ledger) >= 1, elsewhere);

                assertTrue(other.isAlive(), "the other keeps serving");
                assertEquals("1 ABANDONED", runs(ledger).get(0));
                String otherLog = Files.readString(elsewhere.resolve(other == machineA ? "a/serve.log" : "b/serve.log"));
                assertTrue(otherLog.contains("Scheduled run skipped: another run (run 1 on "), otherLog);
            } finally {
                stop(machineA, machineB);
            }
            java.util.Set<String> keys = new java.util.HashSet<>();
            ods.associations().forEach(record -> keys.add(record.at("/studentReference/studentUniqueId").asText() + "|"
                    + record.at("/beginDate").asText() + "|" + record.at("/educationOrganizationReference/educationOrganizationId").asText()));
            assertEquals(expected, ods.associations().size(), "records in the ODS");
            assertEquals(expected, keys.size(), "one record per natural key");
        }
    }

    private static List<String> stateIds() throws Exception {
        try (Connection connection = DriverManager.getConnection(sourceUrl, "sa", "")) {
            return PowerSchoolFixture.stateIds(connection);
        }
    }


    @Test
    void h2ToolsRunFromTheJar(@TempDir Path elsewhere) throws Exception {
        Result shell = java(elsewhere, Map.of(), "-cp", JAR, "org.h2.tools.Shell", "-url", sourceUrl, "-user", "sa",
                "-sql", "SELECT COUNT(*) AS N FROM SCHOOLS");

        assertEquals(0, shell.exit(), shell.err());
        assertTrue(shell.out().contains("N"), shell.out());
    }
}
