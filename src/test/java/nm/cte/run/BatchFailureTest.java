package nm.cte.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import nm.cte.PowerSchoolFixture;
import nm.cte.PublisherHarness;
import nm.cte.demo.KnownAnswers;
import nm.cte.sandbox.SandboxOds;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A batch that fails mid-run stops the whole run at once, and the ledger keeps what was sent. */
class BatchFailureTest {

    private static final int FAILING_BATCH = 4;

    private final String ledger = PublisherHarness.freshLedger();
    private PowerSchoolFixture source;
    private KnownAnswers answers;
    private SandboxOds ods;

    @BeforeEach
    void largeDistrict() throws Exception {
        source = PowerSchoolFixture.blank(false);
        // some fifty batches: far more than the run reads ahead of the batch that fails
        answers = KnownAnswers.ofDemoDistrict(source.dataSource(), 12_000, 2027, 11);
        ods = PublisherHarness.sandboxKnowing(source);
        ods.faults().latency(Duration.ofMillis(5));
    }

    @AfterEach
    void stopOds() {
        ods.close();
    }

    @Test
    void aBatchThatFailsStopsTheRunAndTheLedgerKeepsWhatWasSent() throws Exception {
        AtomicInteger batches = new AtomicInteger();
        try (PublisherHarness publisher = new PublisherHarness(source.url(),
                PublisherHarness.sandbox(ods, "cte.state.jdbc-url", ledger, "cte.ods.max-connections", "2"))) {
            AdviceWith.adviceWith(publisher.context(), "batch", route -> route.weaveAddFirst().process(exchange -> {
                if (batches.incrementAndGet() == FAILING_BATCH) {
                    throw new IllegalStateException("batch " + FAILING_BATCH + " broke");
                }
            }));

            CamelExecutionException failed = assertThrows(CamelExecutionException.class, publisher::publish);
            assertTrue(String.valueOf(failed.getCause().getMessage()).contains("broke"), failed.getCause().toString());
            // the run ends when every record it sent has its answer recorded, not before
            assertEquals(0, publisher.context().getInflightRepository().size(), "exchanges of the failed run still in flight");
            int batchesOfTheFailedRun = batches.get();
            long sentByTheFailedRun = ods.associations().size();

            // no more reading, no more sending: besides the batches before it and the one that failed, the other deciding
            // threads' and the one read ahead of them at most, not the district's fifty
            int decidingThreads = publisher.context().getExecutorServiceManager().getThreadPoolProfile("deciding").getMaxPoolSize();
            assertTrue(batchesOfTheFailedRun <= FAILING_BATCH + decidingThreads, batchesOfTheFailedRun + " batches were decided, with "
                    + decidingThreads + " deciding threads");
            long expected = answers.ready();
            assertTrue(sentByTheFailedRun < expected / 2, sentByTheFailedRun + " of " + expected + " records were sent");
            assertEquals("FAILED", outcome(1));
            assertEquals(idsInOds(), publishedIdsInLedger(), "the ledger records what was sent");

            // the publisher is free for the next run, which completes the work
            ods.faults().latency(Duration.ZERO);
            Run next = publisher.publish();
            assertEquals(2, next.number());
            assertEquals(expected, ods.associations().size());
            assertEquals(idsInOds(), publishedIdsInLedger());
        }
    }

    private Set<String> idsInOds() {
        Set<String> ids = new HashSet<>();
        ods.associations().forEach(record -> ids.add(record.get("id").asText().toLowerCase(Locale.ROOT)));
        return ids;
    }

    private Set<String> publishedIdsInLedger() throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(ledger, "", "");
             ResultSet rows = connection.createStatement().executeQuery("SELECT RESOURCE_ID FROM CTE_RECORD WHERE STATUS = 'PUBLISHED'")) {
            while (rows.next()) {
                ids.add(rows.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return ids;
    }

    private String outcome(long run) throws Exception {
        try (Connection connection = DriverManager.getConnection(ledger, "", "");
             ResultSet row = connection.createStatement().executeQuery("SELECT OUTCOME FROM CTE_RUN WHERE RUN_NUMBER = " + run)) {
            row.next();
            return row.getString(1);
        }
    }
}
