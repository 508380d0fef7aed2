package nm.cte.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import nm.cte.PowerSchoolFixture;
import nm.cte.PublisherHarness;
import nm.cte.demo.KnownAnswers;
import nm.cte.domain.Status;
import nm.cte.sandbox.SandboxOds;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A run holds the batches its deciding threads send, not every batch it could build ahead of the ODS's pace. */
class BatchesInFlightTest {

    private PowerSchoolFixture source;
    private KnownAnswers answers;
    private SandboxOds ods;

    @BeforeEach
    void districtOfTenBatchesAndAnOdsSlowerThanTheDeciding() throws Exception {
        source = PowerSchoolFixture.blank(false);
        answers = KnownAnswers.ofDemoDistrict(source.dataSource(), 1_500, 2027, 5);
        ods = PublisherHarness.sandboxKnowing(source);
        ods.faults().latency(Duration.ofMillis(2));
    }

    @AfterEach
    void stopOds() {
        ods.close();
    }

    @Test
    void aBatchIsAnsweredBeforeItsThreadTakesTheNext() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (PublisherHarness publisher = new PublisherHarness(source.url(),
                PublisherHarness.sandbox(ods, "cte.ods.max-connections", "4"))) {
            AdviceWith.adviceWith(publisher.context(), "batch", route -> {
                route.weaveAddFirst().process(exchange -> most.accumulateAndGet(inFlight.incrementAndGet(), Math::max));
                route.weaveAddLast().process(exchange -> inFlight.decrementAndGet());
            });

            Run run = publisher.publish();

            int decidingThreads = publisher.context().getExecutorServiceManager().getThreadPoolProfile("deciding").getMaxPoolSize();
            assertEquals(answers.ready(), run.summary().count(Status.PUBLISHED), "every READY record published");
            assertTrue(most.get() <= decidingThreads, most.get() + " batches were in flight at once, with "
                    + decidingThreads + " deciding threads");
        }
    }
}
