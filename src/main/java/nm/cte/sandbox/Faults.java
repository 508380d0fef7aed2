package nm.cte.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The faults the sandbox shows on demand, all off until switched on and switchable at any time from any thread, to
 * prove that a client copes with a real ODS/API on a bad day: failures, connection resets, latency, revoked tokens, a
 * dead server.
 */
public final class Faults {

    private static final long DEFAULT_SEED = 20240814L;

    private final Tokens tokens;
    // sorted, so that the draws happen in the same order on every run
    private final Map<Integer, Double> failureRates = new ConcurrentSkipListMap<>();
    private volatile double resetRate;
    private volatile double revokeRate;
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration latencyUpTo = Duration.ZERO;
    private volatile int requestsPerSecond;
    // the second the requests are being counted in, and how many came in it
    private long countedSecond;
    private int countedRequests;
    private volatile boolean down;
    private volatile int tokenRefusal;
    private volatile Random random = new Random(DEFAULT_SEED);

    Faults(Tokens tokens) {
        this.tokens = tokens;
    }

    /**
     * This fraction of data requests is answered with this status: 500 with the ODS/API's own error body, 429 and 503
     * empty with {@code Retry-After: 1} as a gateway sends them, any other 5xx empty.
     */
    public Faults failRate(int status, double rate) {
        if (status != 429 && (status < 500 || status > 599)) {
            throw new IllegalArgumentException("a failure is 429 or 5xx, not " + status);
        }
        if (checked(rate) == 0) {
            failureRates.remove(status);
        } else {
            failureRates.put(status, rate);
        }
        return this;
    }

    /** This fraction of data requests has its connection closed without an answer. */
    public Faults resetRate(double rate) {
        resetRate = checked(rate);
        return this;
    }

    /**
     * How long a data request takes to be answered, counted from its arrival, as an ODS that takes this long would
     * answer: the sandbox's own work is part of it, not added to it.
     */
    public Faults latency(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("latency cannot be negative: " + delay);
        }
        latency = delay;
        latencyUpTo = delay;
        return this;
    }

    /**
     * How long a data request takes to be answered: from least to most, drawn evenly for each request, as a real ODS
     * whose answers vary with its load.
     */
    public Faults latency(Duration least, Duration most) {
        if (least.isNegative() || most.compareTo(least) < 0) {
            throw new IllegalArgumentException("a latency is from a least to a most at or above it, not " + least + " to " + most);
        }
        latency = least;
        latencyUpTo = most;
        return this;
    }

    /**
     * Above this many data requests in one second of the clock, each further request of that second is answered 429
     * with {@code Retry-After: 1}, as ODS/API 7's rate limiting answers; the refused requests count too. 0: no limit.
     */
    public Faults rateLimit(int perSecond) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("a rate limit is 0 (none) or more requests a second, not " + perSecond);
        }
        synchronized (this) {
            requestsPerSecond = perSecond;
            countedRequests = 0;
        }
        return this;
    }

    /** This fraction of data requests first revokes every token issued so far, then is answered 401 as an expired token is. */
    public Faults revokeRate(double rate) {
        revokeRate = checked(rate);
        return this;
    }

    /** Every token issued so far stops working now; new ones can be had. */
    public Faults revokeAllTokens() {
        tokens.revokeAll();
        return this;
    }

    /**
     * Every token request is answered with this status instead of a token, until set to 0: 404 or 405 as from a wrong
     * token URL, 429 with {@code Retry-After: 1} as ODS/API 7.3 answers a client that holds too many live tokens,
     * 500 or 503 as from a token server in trouble.
     */
    public Faults tokenRefusal(int status) {
        if (status != 0 && status != 404 && status != 405 && status != 429 && status != 500 && status != 503) {
            throw new IllegalArgumentException("a token refusal is 404, 405, 429, 500 or 503 (0: none), not " + status);
        }
        tokenRefusal = status;
        return this;
    }

    /** While down, every request, token requests included, has its connection closed without an answer. */
    public Faults down(boolean isDown) {
        down = isDown;
        return this;
    }

    /**
     * Starts the random draws afresh from this seed: all rates draw from this one source, so a client that sends its
     * requests one at a time meets the same faults on every run.
     */
    public Faults seed(long seed) {
        random = new Random(seed);
        return this;
    }

    /** Every fault off; the tokens already revoked stay revoked. */
    public Faults clear() {
        failureRates.clear();
        resetRate = 0;
        revokeRate = 0;
        latency = Duration.ZERO;
        latencyUpTo = Duration.ZERO;
        rateLimit(0);
        down = false;
        tokenRefusal = 0;
        return this;
    }

    public boolean isDown() {
        return down;
    }

    /** Waits until the latency has passed since the request arrived (System.nanoTime()). */
    void delay(long arrived) throws InterruptedException {
        long least = latency.toNanos();
        long most = latencyUpTo.toNanos();
        long taken = most > least ? ThreadLocalRandom.current().nextLong(least, most + 1) : least;
        long left = arrived + taken - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    /** Whether this request is one too many for the rate limit in the current second; it is counted in any case. */
    synchronized boolean overRateLimit() {
        if (requestsPerSecond == 0) {
            return false;
        }
        long second = TimeUnit.MILLISECONDS.toSeconds(System.currentTimeMillis());
        if (second != countedSecond) {
            countedSecond = second;
            countedRequests = 0;
        }
        return ++countedRequests > requestsPerSecond;
    }

    boolean resets() {
        return strikes(resetRate);
    }

    /** The status of a failure that strikes this request, if one does. */
    OptionalInt failure() {
        for (Map.Entry<Integer, Double> entry : failureRates.entrySet()) {
            if (strikes(entry.getValue())) {
                return OptionalInt.of(entry.getKey());
            }
        }
        return OptionalInt.empty();
    }

    /** The status every token request is answered with instead of a token, if one is set. */
    OptionalInt tokenRefusal() {
        int status = tokenRefusal;
        return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** Whether this request revokes every token; if it does, they are revoked already. */
    boolean revokes() {
        if (strikes(revokeRate)) {
            tokens.revokeAll();
            return true;
        }
        return false;
    }

    private boolean strikes(double rate) {
        // no draw while a fault is off: the request threads then never meet on the shared source
        return rate > 0 && random.nextDouble() < rate;
    }

    private static double checked(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("a rate is from 0 to 1, not " + rate);
        }
        return rate;
    }

    @Override
    public String toString() {
        return "faults: failures " + failureRates + ", resets " + resetRate + ", revocations " + revokeRate
                + ", latency " + latency + (latencyUpTo.equals(latency) ? "" : " to " + latencyUpTo)
                + (requestsPerSecond == 0 ? "" : ", at most " + requestsPerSecond + " requests a second") + (tokenRefusal == 0 ? "" : ", token requests answered " + tokenRefusal)
                + (down ? ", down" : "");
    }
}
