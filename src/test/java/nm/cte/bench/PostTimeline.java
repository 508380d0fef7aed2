package nm.cte.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How a child's POSTs reached the sandbox over time, sampled every 100 ms from the sandbox's own counter: when the
 * first and the last came (seconds after the child JVM was started), and the steady rate between the 10th and the
 * 90th percentile of them, which leaves out the start (JVM, Camel, the source query) and the tail; and how many came in
 * each second.
 */
final class PostTimeline {

    private static final long PERIOD_MILLIS = 100;

    private final LongSupplier counter;
    private final long base;
    private final long start = System.nanoTime();
    private final List<long[]> samples = new ArrayList<>();
    private final ScheduledExecutorService sampler;

    private PostTimeline(LongSupplier counter) {
        this.counter = counter;
        this.base = counter.getAsLong();
        this.sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bench-post-timeline");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(this::sample, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    static PostTimeline start(LongSupplier counter) {
        return new PostTimeline(counter);
    }

    private void sample() {
        long count = counter.getAsLong() - base;
        synchronized (samples) {
            samples.add(new long[] {System.nanoTime() - start, count});
        }
    }

    void stop() throws InterruptedException {
        sampler.shutdownNow();
        sampler.awaitTermination(5, TimeUnit.SECONDS);
        sample();
    }

    Map<String, Object> summary() {
        List<long[]> copy;
        synchronized (samples) {
            copy = new ArrayList<>(samples);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        long total = copy.isEmpty() ? 0 : copy.get(copy.size() - 1)[1];
        summary.put("posts", total);
        if (total == 0) {
            return summary;
        }
        double first = secondsAtLeast(copy, 1);
        double last = secondsAtLeast(copy, total);
        double p10 = secondsAtLeast(copy, Math.max(1, total / 10));
        double p90 = secondsAtLeast(copy, Math.max(1, total * 9 / 10));
        summary.put("firstPostAfterSeconds", BenchReport.round(first, 2));
        summary.put("lastPostAfterSeconds", BenchReport.round(last, 2));
        summary.put("postsPerSecondFirstToLast", last > first ? BenchReport.round(total / (last - first), 1) : null);
        summary.put("postsPerSecondSteady10to90", p90 > p10 ? BenchReport.round((total * 9 / 10 - Math.max(1, total / 10)) / (p90 - p10), 1) : null);
        summary.put("postsInEachSecond", postsInEachSecond(copy));
        return summary;
    }

    /** The POSTs that came in each whole second since the start: the ramp, the steady pace and the tail. */
    private static List<Long> postsInEachSecond(List<long[]> samples) {
        List<Long> perSecond = new ArrayList<>();
        long before = 0;
        for (long[] sample : samples) {
            int second = (int) (sample[0] / 1_000_000_000L);
            while (perSecond.size() <= second) {
                perSecond.add(0L);
            }
            perSecond.set(second, perSecond.get(second) + sample[1] - before);
            before = sample[1];
        }
        return perSecond;
    }

    /** When the count first reached this many (to the sample), in seconds since the start. */
    private static double secondsAtLeast(List<long[]> samples, long count) {
        for (long[] sample : samples) {
            if (sample[1] >= count) {
                return sample[0] / 1e9;
            }
        }
        return Double.NaN;
    }
}
