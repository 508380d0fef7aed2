package nm.cte.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nm.cte.PowerSchoolFixture;
import nm.cte.PublisherHarness;
import nm.cte.demo.KnownAnswers;
import nm.cte.domain.Status;
import nm.cte.sandbox.SandboxOds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run against an ODS/API that refuses with 429 every request over its limit in a second, with no
 * CTE_ODS_MAX_REQUESTS_PER_SECOND set: the publisher learns the limit from the refusals and keeps to it.
 */
class ThrottlingOdsTest {

    private static final int LIMIT = 10;

    private PowerSchoolFixture source;
    private KnownAnswers answers;
    private SandboxOds ods;
    private PublisherHarness publisher;

    @BeforeEach
    void district() throws Exception {
        source = PowerSchoolFixture.blank(false);
        // some 80 records: eight seconds at the limit
        answers = KnownAnswers.ofDemoDistrict(source.dataSource(), 120, 2027, 42);
        ods = PublisherHarness.sandboxKnowing(source);
        ods.faults().rateLimit(LIMIT);
        publisher = new PublisherHarness(source.url(), PublisherHarness.sandbox(ods));
    }

    @AfterEach
    void stop() {
        publisher.close();
        ods.close();
    }

    /** The sandbox's count of refusals, every 50 ms of the run: {milliseconds since the run's start, refusals}. */
    private List<long[]> refusalsDuring(Runnable run) throws InterruptedException {
        List<long[]> samples = new ArrayList<>();
        long start = System.nanoTime();
        Runnable sample = () -> {
            synchronized (samples) {
                samples.add(new long[] {TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), ods.stats().rateLimited()});
            }
        };
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(sample, 0, 50, TimeUnit.MILLISECONDS);
        try {
            run.run();
        } finally {
            sampler.shutdownNow();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        }
        sample.run();
        return samples;
    }

    @Test
    void throttlingApiIsRefusedOnlyUntilItsLimitIsLearned() throws Exception {
        Run[] run = new Run[1];

        List<long[]> refusals = refusalsDuring(() -> run[0] = publisher.publish());

        assertEquals(answers.ready(), run[0].summary().count(Status.PUBLISHED), run[0].summary().statusCounts());
        long firstRefused = refusals.stream().filter(sample -> sample[1] > 0).mapToLong(sample -> sample[0]).min().orElseThrow();
        long learnedBy = firstRefused + 2000;
        long end = refusals.get(refusals.size() - 1)[0];
        assertTrue(end - learnedBy >= 2000, "the run went on at the limit for a while: it ended " + end + " ms after its start,"
                + " the first refusal came after " + firstRefused + " ms");
        long refusedByThen = refusals.stream().filter(sample -> sample[0] <= learnedBy).mapToLong(sample -> sample[1]).max().orElseThrow();
        long refusedAfter = refusals.get(refusals.size() - 1)[1] - refusedByThen;
        // a publisher that does not learn is refused what it sends over the limit every second, to the run's end
        assertTrue(refusedAfter < LIMIT, refusedAfter + " refused in the " + (end - learnedBy) + " ms after the first two"
                + " seconds of refusals, " + refusedByThen + " in them");
    }

    @Test
    void pacedPublisherStopsWithoutWaitingForTheThrottlesCleanUp() throws Exception {
        publisher.publish();
        long stopping = System.nanoTime();

        publisher.close();

        // Camel's throttle leaves a clean-up task ten of its periods (10 s) ahead after every request: a pool that kept
        // it would hold the stop, and a paced run's exit, until then
        long stoppedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping);
        assertTrue(stoppedAfter < 5000, "the publisher took " + stoppedAfter + " ms to stop");
    }
}
