package nm.cte.run;

import static nm.cte.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import nm.cte.PowerSchoolFixture;
import nm.cte.PublisherHarness;
import nm.cte.cli.Launcher;
import nm.cte.demo.DemoDistrict;
import nm.cte.demo.KnownAnswers;
import nm.cte.sandbox.Route;
import nm.cte.sandbox.SandboxOds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spec section 6 under injected faults, over the demo district: the ODS ends with exactly the expected records, one
 * per natural key, and the ledger agrees with it.
 */
class ReliabilityTest {

    private PowerSchoolFixture source;
    private KnownAnswers answers;
    private final String ledger = PublisherHarness.freshLedger();
    private SandboxOds ods;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void demoDistrict() throws Exception {
        source = PowerSchoolFixture.blank(false);
        answers = KnownAnswers.ofDemoDistrict(source.dataSource(), 600, 2027, 42);
        ods = PublisherHarness.sandboxKnowing(source);
    }

    @AfterEach
    void stopOds() {
        ods.close();
    }

    private int run(String... extra) {
        Properties settings = new Properties();
        settings.setProperty("cte.source.jdbc-url", source.url());
        settings.setProperty("cte.source.username", "sa");
        settings.setProperty("cte.school-year", "2027");
        settings.setProperty("cte.state.jdbc-url", ledger);
        PublisherHarness.addSandbox(settings, ods, extra);
        err.reset();
        return new Launcher(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), settings).execute("run");
    }

    /** Every record the demo district must have in the ODS: its READY periods. */
    private long expectedRecords() {
        return answers.ready();
    }

    private static String naturalKey(ObjectNode record) {
        return record.at("/studentReference/studentUniqueId").asText() + "|" + record.at("/beginDate").asText() + "|"
                + record.at("/educationOrganizationReference/educationOrganizationId").asText() + "|"
                + record.at("/programReference/educationOrganizationId").asText();
    }

    /** The ODS holds the expected number of records, one per natural key, and the ledger's PUBLISHED ids are those. */
    private void assertOdsHoldsExactlyTheExpectedRecords() throws Exception {
        List<ObjectNode> records = ods.associations();
        Set<String> keys = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (ObjectNode record : records) {
            keys.add(naturalKey(record));
            ids.add(record.get("id").asText());
        }
        assertEquals(expectedRecords(), records.size(), "records in the ODS");
        assertEquals(records.size(), keys.size(), "duplicates in the ODS");
        assertEquals(ids, publishedIdsInLedger(), "the ledger's PUBLISHED records");
    }

    private Set<String> publishedIdsInLedger() throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(ledger, "", "");
             ResultSet rows = connection.createStatement().executeQuery("SELECT RESOURCE_ID FROM CTE_RECORD WHERE STATUS = 'PUBLISHED'")) {
            while (rows.next()) {
                ids.add(rows.getString(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return ids;
    }


    @Test
    void failuresAndRevokedTokensLoseNothingAndDuplicateNothing() throws Exception {
        // 20% of requests fail (500, 503, 429, resets) and 5% revoke every token
        ods.faults().seed(7).failRate(500, 0.05).failRate(503, 0.05).failRate(429, 0.05).resetRate(0.05).revokeRate(0.05);

        assertEquals(Launcher.OK, run(), err.toString(StandardCharsets.UTF_8));

        assertOdsHoldsExactlyTheExpectedRecords();
        long faults = ods.stats().responses(500) + ods.stats().responses(503) + ods.stats().responses(429) + ods.stats().hangUps();
        assertTrue(faults > 0);
        assertTrue(ods.stats().responses(401) > 0, ods.stats().toString());
        System.out.printf("fault test: %d requests, %d faults injected (%s), %d refused tokens; %d records expected, %d arrived,"
                + " 0 duplicates, 0 lost%n", ods.stats().requests(), faults, ods.stats(), ods.stats().responses(401), expectedRecords(),
                ods.associations().size());
    }

    @Test
    void odsDownForTheWholeRunFailsItAndTheNextRunPublishesAll() throws Exception {
        ods.faults().down(true);

        assertEquals(Launcher.FAILED, run());
        assertTrue(err.toString(StandardCharsets.UTF_8).strip().contains("did not answer"), err.toString(StandardCharsets.UTF_8));
        assertEquals(Set.of(), publishedIdsInLedger());

        ods.faults().down(false);
        assertEquals(Launcher.OK, run(), err.toString(StandardCharsets.UTF_8));
        assertOdsHoldsExactlyTheExpectedRecords();
    }

    @Test
    void answersSlowerThanTheTimeoutAreRedelivered() throws Exception {
        ods.faults().latency(Duration.ofMillis(1500));
        Thread heals = new Thread(() -> {
            try {
                await(() -> ods.stats().requests(Route.POST_ASSOCIATION) >= 8);
                Thread.sleep(2000);
                ods.faults().latency(Duration.ZERO);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        heals.start();

        assertEquals(Launcher.OK, run("cte.ods.response-timeout-seconds", "1", "cte.ods.redelivery.delay-ms", "500"),
                err.toString(StandardCharsets.UTF_8));
        heals.join();

        assertOdsHoldsExactlyTheExpectedRecords();
    }

    @Test
    void sourceDisappearingMidRunFailsTheRunAndKeepsTheLedgerTrue() throws Exception {
        // more than a run reads ahead of what it sends (a few batches), so that the plug is pulled mid-read
        source = PowerSchoolFixture.blank(false);
        DemoDistrict.generate(source.dataSource(), 12_000, 2027, 7);
        ods.addStudents(source.stateIds());
        ods.faults().latency(Duration.ofMillis(20));
        Thread pullsThePlug = new Thread(() -> {
            try {
                await(() -> ods.stats().requests(Route.POST_ASSOCIATION) >= 40);
                source.drop();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        pullsThePlug.start();

        assertEquals(Launcher.FAILED, run("cte.ods.max-connections", "2"));
        pullsThePlug.join();

        String reason = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(1, reason.lines().count(), reason);
        assertTrue(reason.startsWith("cannot read the PowerSchool database"), reason);
        Set<String> inOds = new HashSet<>();
        ods.associations().forEach(record -> inOds.add(record.get("id").asText()));
        assertTrue(inOds.containsAll(publishedIdsInLedger()), "the ledger has a record the ODS does not");
        try (Connection connection = DriverManager.getConnection(ledger, "", "");
             ResultSet run = connection.createStatement().executeQuery("SELECT OUTCOME FROM CTE_RUN")) {
            run.next();
            assertEquals("FAILED", run.getString(1));
        }
    }
}
