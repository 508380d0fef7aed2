package nm.cte.cli;

import static nm.cte.PublisherHarness.CLIENT_ID;
import static nm.cte.PublisherHarness.CLIENT_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nm.cte.PowerSchoolFixture;
import nm.cte.PublisherHarness;
import nm.cte.sandbox.Route;
import nm.cte.sandbox.SandboxOds;
import nm.cte.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * D11's token endpoint as real servers answer it, seen as the operator sees a run: a wrong URL or refused credentials
 * end the run at once with one line and one request; "not now" is waited out, never asked again per record.
 */
class TokenEndpointTest {

    private static final int STUDENTS = 30;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PowerSchoolFixture source;
    private SandboxOds ods;

    @BeforeEach
    void district() throws Exception {
        source = PowerSchoolFixture.district();
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < STUDENTS; i++) {
            ids.add(String.valueOf(100000001 + i));
            source.credential(source.student(ids.get(i), 100, LocalDate.of(2026, 8, 12)), null, false);
        }
        ods = SandboxOds.start(SandboxOptions.defaults(CLIENT_ID, CLIENT_SECRET));
        ods.addStudents(ids);
    }

    @AfterEach
    void stop() {
        ods.close();
    }

    private Properties settings(String... more) {
        Properties settings = new Properties();
        settings.setProperty("cte.source.jdbc-url", source.url());
        settings.setProperty("cte.source.username", "sa");
        settings.setProperty("cte.school-year", "2027");
        settings.setProperty("cte.state.jdbc-url", PublisherHarness.freshLedger());
        PublisherHarness.addSandbox(settings, ods, more);
        return settings;
    }

    private int run(Properties settings) {
        return new Launcher(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                settings).execute("run");
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tokenEndpointAnswering404EndsTheRunAtOnceNamingTheSetting() {
        ods.faults().tokenRefusal(404);
        long start = System.nanoTime();

        int exit = run(settings());

        assertEquals(Launcher.FAILED, exit, stderr());
        assertEquals(1, stderr().strip().lines().count(), stderr());
        assertTrue(stderr().contains(ods.tokenUrl() + " answered 404") && stderr().contains("CTE_ODS_TOKEN_URL"), stderr());
        assertEquals(1, ods.stats().requests(Route.TOKEN), ods.stats().toString());
        assertEquals(0, ods.stats().requests(Route.POST_ASSOCIATION), ods.stats().toString());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 60, "the run did not end at once");
    }

    @Test
    void wrongSecretCostsOneTokenRequestAndOneLine() {
        int exit = run(settings("cte.ods.client-secret", "not-the-secret"));

        assertEquals(Launcher.FAILED, exit, stderr());
        assertEquals(1, stderr().strip().lines().count(), stderr());
        assertTrue(stderr().contains("refused the client credentials of CTE_ODS_CLIENT_ID '" + CLIENT_ID + "'"), stderr());
        assertEquals(1, ods.stats().requests(Route.TOKEN), ods.stats().toString());
    }

    @Test
    void tokenEndpointSayingNotNowIsWaitedOut() throws Exception {
        ods.faults().tokenRefusal(429);
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> run(settings(
                "cte.ods.redelivery.delay-ms", "200", "cte.ods.redelivery.maximum-delay-ms", "1000")));
        Thread.sleep(1500);
        ods.faults().tokenRefusal(0);

        assertEquals(Launcher.OK, running.get(60, TimeUnit.SECONDS), stderr());
        assertEquals(STUDENTS, ods.associations().size());
        // the endpoint asked to wait a second (Retry-After: 1): a request or so a second, not one per record
        assertTrue(ods.stats().requests(Route.TOKEN) <= 5, ods.stats().toString());
    }

    @Test
    void overridesReachAnApiWithoutDiscoveryDocument() {
        Properties settings = settings("cte.ods.base-url", ods.apiRoot() + "/no-discovery-here",
                "cte.ods.token-url", ods.tokenUrl().toString(), "cte.ods.data-url", ods.dataUrl().toString());

        assertEquals(Launcher.OK, run(settings), stderr());

        assertEquals(STUDENTS, ods.associations().size());
    }
}
