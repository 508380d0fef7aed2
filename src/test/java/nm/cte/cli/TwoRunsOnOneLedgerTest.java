package nm.cte.cli;

import static nm.cte.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import nm.cte.PowerSchoolFixture;
import nm.cte.Postgres;
import nm.cte.PublisherHarness;
import nm.cte.demo.KnownAnswers;
import nm.cte.sandbox.Route;
import nm.cte.sandbox.SandboxOds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two runs started at once on one ledger on a real PostgreSQL, as two machines or a clerk beside serve would: one runs. */
class TwoRunsOnOneLedgerTest {

    private PowerSchoolFixture source;
    private KnownAnswers answers;
    private SandboxOds ods;
    private String ledger;

    @BeforeEach
    void district() throws Exception {
        ledger = Postgres.freshDatabase();
        source = PowerSchoolFixture.blank(false);
        answers = KnownAnswers.ofDemoDistrict(source.dataSource(), 600, 2027, 42);
        ods = PublisherHarness.sandboxKnowing(source);
    }

    @AfterEach
    void stopOds() {
        ods.close();
    }

    /** A `run` command of its own, as another process would start it; what it printed on stderr goes to err. */
    private int run(ByteArrayOutputStream err) {
        Properties settings = new Properties();
        settings.setProperty("cte.source.jdbc-url", source.url());
        settings.setProperty("cte.source.username", "sa");
        settings.setProperty("cte.school-year", "2027");
        settings.setProperty("cte.state.jdbc-url", ledger);
        PublisherHarness.addSandbox(settings, ods, "cte.ods.max-connections", "2");
        return new Launcher(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), settings).execute("run");
    }

    @Test
    void aSecondRunExitsSayingWhichRunHoldsTheLedgerAndEachRecordIsSentOnce() throws Exception {
        ods.faults().latency(Duration.ofMillis(20));
        ByteArrayOutputStream firstErr = new ByteArrayOutputStream();
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> run(firstErr));
        await(() -> ods.stats().requests(Route.POST_ASSOCIATION) > 0);

        ByteArrayOutputStream secondErr = new ByteArrayOutputStream();
        int second = run(secondErr);

        assertEquals(Launcher.FAILED, second);
        String refusal = secondErr.toString(StandardCharsets.UTF_8).strip();
        assertTrue(refusal.startsWith("another run (run 1 on " + InetAddress.getLocalHost().getHostName() + ") holds the ledger since "),
                refusal);
        assertEquals(1, refusal.lines().count(), refusal);
        assertEquals(Launcher.OK, first.get(), firstErr.toString(StandardCharsets.UTF_8));
        long expected = answers.ready();
        assertEquals(expected, ods.stats().requests(Route.POST_ASSOCIATION), "records sent");
        Set<String> ids = new HashSet<>();
        ods.associations().forEach(record -> ids.add(record.get("id").asText()));
        assertEquals(expected, ids.size(), "records in the ODS");

        // the lease is given up at the end: the next run starts at once
        ods.faults().latency(Duration.ZERO);
        assertEquals(Launcher.OK, run(new ByteArrayOutputStream()));
        assertEquals(expected, ods.stats().requests(Route.POST_ASSOCIATION), "an unchanged re-run sends nothing");
    }
}
