package nm.cte.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar's serve with the publishing page, as a newcomer starts it; and no other command loads a web server. */
class PublishingPageIT {

    private static final String JAR = Path.of(System.getProperty("publisher.jar")).toAbsolutePath().toString();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String PASSWORD = "Newcomer-Pa55-" + System.nanoTime();

    @TempDir
    static Path data;
    private static String sourceUrl;

    @BeforeAll
    static void makeDemoDatabase() throws Exception {
        sourceUrl = "jdbc:h2:" + data.resolve("demo").toAbsolutePath();
        Process made = new ProcessBuilder(JAVA, "-cp", JAR, "nm.cte.demo.DemoDatabase", sourceUrl, "100", "2027")
                .redirectErrorStream(true).redirectOutput(data.resolve("made.log").toFile()).start();
        assertTrue(made.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, made.exitValue(), Files.readString(data.resolve("made.log")));
    }

    /** Starts the jar in a directory of its own, its output in out.log there; the JVM options come first. */
    private static Process jar(Path directory, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("out.log").toFile());
        builder.environment().putAll(Map.of("CTE_SOURCE_JDBC_URL", sourceUrl + ";DB_CLOSE_ON_EXIT=FALSE", "CTE_SOURCE_USERNAME", "sa",
                "CTE_SCHOOL_YEAR", "2027"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static void awaitOutput(Path directory, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(directory.resolve("out.log")).contains(text)) {
            assertTrue(System.nanoTime() < deadline, "no '" + text + "' in " + Files.readString(directory.resolve("out.log")));
            Thread.sleep(100);
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the jar did not stop on SIGTERM");
    }

    @Test
    void serveWithAPortAndAPasswordShowsThePage(@TempDir Path elsewhere) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Process serve = jar(elsewhere, Map.of("CTE_WEB_PORT", Integer.toString(port), "CTE_WEB_PASSWORD", PASSWORD), "-jar", JAR, "serve");
        try {
            awaitOutput(elsewhere, "The publishing page: http://127.0.0.1:" + port + "/");

            HttpResponse<String> page = new PageClient(port, "operator", PASSWORD).get("/");

            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<h1>Publishing</h1>"), page.body());
            assertTrue(page.body().contains("No run yet."), page.body());
            assertEquals(401, new PageClient(port, "operator", null).get("/").statusCode());
        } finally {
            stop(serve);
        }
        String log = Files.readString(elsewhere.resolve("out.log"));
        assertFalse(log.contains(PASSWORD), log);
        assertFalse(log.contains("Exception"), log);
    }

    @Test
    void otherCommandsLoadNoWebServer(@TempDir Path elsewhere) throws Exception {
        Process dryRun = jar(elsewhere, Map.of(), "-verbose:class", "-jar", JAR, "run", "--dry-run");
        assertTrue(dryRun.waitFor(2, TimeUnit.MINUTES));
        String loaded = Files.readString(elsewhere.resolve("out.log"));
        assertTrue(loaded.contains("Summary of a dry run"), loaded);
        assertTrue(loaded.contains("org.apache.camel.main.Main"), "-verbose:class lists the classes loaded");

        assertFalse(loaded.contains("io.vertx."), "a dry run loaded Vert.x");
        assertFalse(loaded.contains("platform.http"), "a dry run loaded platform-http");
        assertFalse(loaded.contains("nm.cte.web.PageServer"), "a dry run loaded the page's server");
    }

    @Test
    void serveWithoutAPortLoadsNoWebServer(@TempDir Path elsewhere) throws Exception {
        Process serve = jar(elsewhere, Map.of(), "-verbose:class", "-jar", JAR, "serve");
        try {
            awaitOutput(elsewhere, "Serving: runs on the schedule");
        } finally {
            stop(serve);
        }
        String loaded = Files.readString(elsewhere.resolve("out.log"));

        assertFalse(loaded.contains("io.vertx."), "serve without CTE_WEB_PORT loaded Vert.x");
        assertFalse(loaded.contains("The publishing page"), loaded);
    }
}
