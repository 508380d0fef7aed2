package nm.cte.sandbox;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the sandbox has been asked and how it answered, for tests, the demo and benchmarks: requests per route,
 * responses per status, connections hung up, tokens issued.
 */
public final class Stats {

    private final Map<Route, LongAdder> requests = new EnumMap<>(Route.class);
    private final Map<Integer, LongAdder> responses = new ConcurrentHashMap<>();
    private final LongAdder hangUps = new LongAdder();
    private final LongAdder tokensIssued = new LongAdder();
    private final Map<String, LongAdder> rateLimited = new ConcurrentHashMap<>();

    Stats() {
        // filled once here, so that the request threads only ever read the map
        for (Route route : Route.values()) {
            requests.put(route, new LongAdder());
        }
    }

    public long requests(Route route) {
        return requests.get(route).sum();
    }

    /** All requests, whatever their route. */
    public long requests() {
        return requests.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Responses with this status; connections hung up are not responses (see {@link #hangUps()}). */
    public long responses(int status) {
        LongAdder count = responses.get(status);
        return count == null ? 0 : count.sum();
    }

    /** Connections closed without an answer, by a reset fault or while the sandbox was down. */
    public long hangUps() {
        return hangUps.sum();
    }

    public long tokensIssued() {
        return tokensIssued.sum();
    }

    public Map<Route, Long> requestsByRoute() {
        Map<Route, Long> counts = new EnumMap<>(Route.class);
        requests.forEach((route, count) -> counts.put(route, count.sum()));
        return Collections.unmodifiableMap(counts);
    }

    public Map<Integer, Long> responsesByStatus() {
        Map<Integer, Long> counts = new TreeMap<>();
        responses.forEach((status, count) -> counts.put(status, count.sum()));
        return Collections.unmodifiableMap(counts);
    }

    /** How many requests the rate limit refused. */
    public long rateLimited() {
        return rateLimited.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The most times the rate limit refused one same request (method, path and body) sent again. */
    public long mostRateLimitedOfOneRequest() {
        return rateLimited.values().stream().mapToLong(LongAdder::sum).max().orElse(0);
    }

    public void reset() {
        requests.values().forEach(LongAdder::reset);
        responses.clear();
        hangUps.reset();
        tokensIssued.reset();
        rateLimited.clear();
    }

    void received(Route route) {
        requests.get(route).increment();
    }

    void answered(Answer answer) {
        if (answer.hangsUp()) {
            hangUps.increment();
        } else {
            responses.computeIfAbsent(answer.status(), status -> new LongAdder()).increment();
        }
    }

    void rateLimited(String request) {
        rateLimited.computeIfAbsent(request, key -> new LongAdder()).increment();
    }

    void tokenIssued() {
        tokensIssued.increment();
    }

    @Override
    public String toString() {
        return "requests " + requests() + ", responses by status " + responsesByStatus() + ", hang-ups " + hangUps()
                + ", tokens issued " + tokensIssued();
    }
}
