package nm.cte.ods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pace of requests to the ODS: the operator's ceiling, and the limit an API that answers 429 shows, learned. */
class OdsPaceTest {

    private static final int LIMIT = 40;
    private static final long LATENCY = 100;

    /** A request sent at a time (ms), answered after its latency with a status. */
    private record Request(long sentAt, long latency, int status) {
        long answeredAt() {
            return sentAt + latency;
        }
    }

    private final MovedClock clock = new MovedClock(990_000);
    private final List<String> said = new ArrayList<>();
    private final List<Request> requests = new ArrayList<>();

    private OdsPace pace(int ceiling) {
        return new OdsPace(ceiling, clock, said::add);
    }

    /**
     * What an API that takes {@code limit} requests a clock second answers to {@code count} requests sent evenly
     * over {@code seconds} from {@code from}: the first {@code limit} of each second accepted, the rest refused.
     */
    private long sendToLimitingApi(long from, int count, double seconds, int limit) {
        long step = Math.round(seconds * 1000 / count);
        long second = -1;
        int inSecond = 0;
        for (int i = 0; i < count; i++) {
            long sentAt = from + i * step;
            if (sentAt / 1000 != second) {
                second = sentAt / 1000;
                inSecond = 0;
            }
            requests.add(new Request(sentAt, LATENCY, ++inSecond > limit ? 429 : 201));
        }
        return from + count * step;
    }

    /** Tells the pace every answer due by then, in the order they come, the clock moving with them. */
    private void answersUntil(OdsPace pace, long until) {
        requests.sort(Comparator.comparingLong(Request::answeredAt));
        while (!requests.isEmpty() && requests.get(0).answeredAt() <= until) {
            Request request = requests.remove(0);
            clock.millis = Math.max(clock.millis, request.answeredAt());
            pace.answered(Duration.ofMillis(request.latency()), request.status());
        }
        clock.millis = Math.max(clock.millis, until);
    }

    private void answer(OdsPace pace, long sentAt, long latency, int status) {
        requests.add(new Request(sentAt, latency, status));
        answersUntil(pace, sentAt + latency);
    }

    @Test
    void withoutCeilingRequestsAreNotPacedUntilTheApiRefusesSome() {
        OdsPace pace = pace(0);
        sendToLimitingApi(1_000_000, 30, 1, LIMIT);

        answersUntil(pace, 1_002_000);

        assertFalse(pace.paced());
    }

    @Test
    void ceilingIsThePaceOfAnApiThatRefusesNothing() {
        OdsPace pace = pace(25);

        assertTrue(pace.paced());
        assertEquals(25, pace.perSecond());
    }

    @Test
    void apiRefusingTheRestOfASecondTeachesHowManyItAcceptedInIt() {
        OdsPace pace = pace(0);
        // 80 a second to an API that takes 40 of each
        sendToLimitingApi(1_000_000, 160, 2, LIMIT);

        answersUntil(pace, 1_001_000);

        assertEquals(LIMIT, pace.perSecond());
    }

    @Test
    void answersOfAcceptedRequestsStillUnderWayAddToTheCount() {
        OdsPace pace = pace(0);
        // 40 accepted in the first half second, the last 10 of them answered late; then two refused
        for (int i = 0; i < LIMIT; i++) {
            requests.add(new Request(1_000_000 + i * 12, i < 30 ? 20 : 400, 201));
        }
        requests.add(new Request(1_000_490, 20, 429));
        requests.add(new Request(1_000_495, 20, 429));

        answersUntil(pace, 1_000_520);
        int early = pace.perSecond();
        answersUntil(pace, 1_001_000);

        assertEquals(30, early);
        assertEquals(LIMIT, pace.perSecond());
    }

    @Test
    void refusalFollowedByAnAcceptedRequestTeachesNothing() {
        OdsPace pace = pace(0);
        // a busy API that refuses one request now and then, whatever the pace
        for (int i = 0; i < 100; i++) {
            requests.add(new Request(1_000_000 + i * 10, LATENCY, i % 20 == 10 ? 429 : 201));
        }

        answersUntil(pace, 1_002_000);

        assertFalse(pace.paced());
    }

    @Test
    void requestReachingTheApiBeforeARefusedOneSentJustEarlierCountsWithIt() {
        OdsPace pace = pace(0);
        for (int i = 0; i < LIMIT - 1; i++) {
            requests.add(new Request(1_000_000 + i * 10, LATENCY, 201));
        }
        // the 40th the API took was sent 10 ms after the first it refused
        requests.add(new Request(1_000_390, LATENCY, 429));
        requests.add(new Request(1_000_400, LATENCY, 201));
        requests.add(new Request(1_000_410, LATENCY, 429));

        answersUntil(pace, 1_001_000);

        assertEquals(LIMIT, pace.perSecond());
    }

    @Test
    void secondInWhichTheApiAcceptedNothingTeachesNothing() {
        OdsPace pace = pace(0);
        long next = sendToLimitingApi(1_000_000, 160, 2, LIMIT);
        answersUntil(pace, next + 2000);
        // then an API that refuses everything for a second
        next = sendToLimitingApi(next + 3000, 50, 1, 0);

        answersUntil(pace, next + 2000);

        assertEquals(LIMIT, pace.perSecond());
    }

    @Test
    void learnedPaceStaysUnderTheCeiling() {
        OdsPace pace = pace(30);
        sendToLimitingApi(1_000_000, 160, 2, LIMIT);

        answersUntil(pace, 1_003_000);

        assertEquals(30, pace.perSecond());
    }

    @Test
    void ceilingAboveTheApisLimitGivesWayToIt() {
        OdsPace pace = pace(60);
        sendToLimitingApi(1_000_000, 120, 2, LIMIT);

        answersUntil(pace, 1_003_000);

        assertEquals(LIMIT, pace.perSecond());
    }

    @Test
    void laterRefusalsOfAnOverFullSecondNarrowTheCountToItsLimit() {
        OdsPace pace = pace(0);
        // half a second of 40 a second, then 100 a second: the second before the first refusal holds both
        sendToLimitingApi(999_500, 20, 0.5, LIMIT);
        sendToLimitingApi(1_000_000, 100, 1, LIMIT);
        answersUntil(pace, 1_000_520);
        int early = pace.perSecond();

        answersUntil(pace, 1_002_000);

        assertEquals(60, early);
        assertEquals(LIMIT, pace.perSecond());
    }

    @Test
    void laterOverFullSecondCountsTheLimitAnew() {
        OdsPace pace = pace(0);
        // sending began late in a second: the second before the first refusal holds that second's requests too
        long next = sendToLimitingApi(1_000_600, 100, 1, LIMIT);
        answersUntil(pace, next + 500);
        int first = pace.perSecond();
        // at that pace the API still refuses the rest of each second
        sendToLimitingApi(next + 1500, 64, 1, LIMIT);

        answersUntil(pace, next + 3000);

        assertTrue(first > LIMIT, "first lesson " + first);
        assertEquals(LIMIT, pace.perSecond());
    }

    @Test
    void learnedPaceRisesByOneAfterEachQuietWhile() {
        OdsPace pace = pace(0);
        long next = sendToLimitingApi(1_000_000, 160, 2, LIMIT);
        answersUntil(pace, next + 1000);

        clock.millis += OdsPace.QUIET.toMillis();
        int afterOne = pace.perSecond();
        clock.millis += OdsPace.QUIET.toMillis();

        assertEquals(LIMIT + 1, afterOne);
        assertEquals(LIMIT + 2, pace.perSecond());
    }

    @Test
    void refusalTakesBackTheLastStep() {
        OdsPace pace = pace(0);
        long next = sendToLimitingApi(1_000_000, 160, 2, LIMIT);
        answersUntil(pace, next + 1000);
        clock.millis += OdsPace.QUIET.toMillis();
        pace.perSecond();

        // the 41st request of a second refused, the next one sent in the next second accepted
        answer(pace, clock.millis, LATENCY, 429);
        answer(pace, clock.millis + 50, LATENCY, 201);

        assertEquals(LIMIT, pace.perSecond());
    }

    @Test
    void learnedPaceIsSaidOnceWhateverTheLessonsThatAgree() {
        OdsPace pace = pace(0);
        long next = sendToLimitingApi(1_000_000, 160, 2, LIMIT);
        answersUntil(pace, next + 2000);
        next = sendToLimitingApi(next + 3000, 160, 2, LIMIT);
        answersUntil(pace, next + 2000);
        pace.perSecond();

        assertEquals(List.of("The Ed-Fi API refused requests over 40 a second (429 Too Many Requests): it is sent at most 40 a"
                + " second from now on"), said);
    }

    @Test
    void limitAtOrOverTheCeilingIsNotSaid() {
        OdsPace pace = pace(30);
        long next = sendToLimitingApi(1_000_000, 160, 2, LIMIT);
        answersUntil(pace, next + 2000);
        pace.perSecond();

        assertEquals(List.of(), said);
    }

    @Test
    void saidPaceNamesTheCeilingWhenSet() {
        OdsPace pace = pace(60);
        long next = sendToLimitingApi(1_000_000, 160, 2, LIMIT);
        answersUntil(pace, next + 2000);
        pace.perSecond();

        assertEquals(List.of("The Ed-Fi API refused requests over 40 a second (429 Too Many Requests): it is sent at most 40 a"
                + " second from now on (CTE_ODS_MAX_REQUESTS_PER_SECOND is 60)"), said);
    }
}
