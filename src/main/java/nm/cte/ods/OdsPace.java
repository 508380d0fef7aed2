package nm.cte.ods;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import nm.cte.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many requests a second the Ed-Fi API is sent: at most the operator's {@code CTE_ODS_MAX_REQUESTS_PER_SECOND},
 * and at most what the API showed it accepts when it refused requests with 429 (Too Many Requests).
 *
 * <p>It learns from every answer, told how long it took, so also when its request left. An API that limits requests
 * a second takes the first so many of each second and refuses the rest: whatever request it refuses, it had accepted
 * its limit of those sent in the second up to it, and for a refusal late in a second no more than that. So the pace
 * becomes the fewest requests the API accepted in the second before any request it refused; answers still under way
 * add to those counts as they come in. That holds once the API refused the next request sent after a refused one too:
 * a refusal followed by an accepted request is not a count (a busy API refusing one now and then) and teaches nothing,
 * nor does a second in which the API accepted nothing (Retry-After holds those requests back). The lesson ends when the
 * API refused nothing for a second; the pace is logged then if it changed, once, never per request. Requests sent
 * within {@link #REORDERING} of each other may reach the API in either order, and are counted so.
 *
 * <p>After {@link #QUIET} without a refusal the learned pace rises by one, and again after each further quiet while,
 * so that an API whose limit was raised, or that was shared with another client for a while, is found out; a refusal
 * takes back the last of those steps, and a refusal by count teaches anew.
 */
public final class OdsPace implements OdsAuthorization.RequestObserver {

    private static final Logger LOG = LoggerFactory.getLogger(OdsPace.class);

    /** How long the API must accept every request before the learned pace rises by one. */
    static final Duration QUIET = Duration.ofSeconds(10);

    private static final long SECOND = 1000;
    /** Requests sent this close together may reach the API in either order. */
    static final long REORDERING = 50;
    /** How long answers are waited for: beyond it a refusal's count is final, and accepted requests are forgotten. */
    private static final long KEPT = 5 * SECOND;

    private final int ceiling;
    private final Clock clock;
    private final Consumer<String> log;
    /** When the requests the API accepted were sent, in the order of their answers. */
    private final Deque<Long> accepted = new ArrayDeque<>();
    /** The learned pace; 0 until the API refused requests by counting them. */
    private int learned;
    /** Whether the learned pace rose by a step since the last refusal. */
    private boolean stepped;
    /** Since when the API refused nothing, or since the last step. */
    private long quietSince;
    private Lesson lesson;
    /** The pace last logged, or the ceiling. */
    private int logged;

    /** What the refusals of one throttled while teach. */
    private static final class Lesson {
        final long firstRefusedSentAt;
        /** Refusals whose counts answers may still raise. */
        final List<Refusal> open = new ArrayList<>();
        /** The fewest accepted before a refusal whose count is final; 0 for none yet. */
        int fewestFinal;
        boolean counting;
        long endsAt;

        Lesson(long firstRefusedSentAt) {
            this.firstRefusedSentAt = firstRefusedSentAt;
        }

        /** The fewest requests the API accepted in the second before a refused one (0: none yet). */
        int limit(long now) {
            open.removeIf(refusal -> {
                boolean last = refusal.sentAt < now - KEPT;
                if (last) {
                    fewestFinal = fewer(fewestFinal, refusal.acceptedBefore);
                }
                return last;
            });
            int fewest = fewestFinal;
            for (Refusal refusal : open) {
                fewest = fewer(fewest, refusal.acceptedBefore);
            }
            return fewest;
        }

        /** The fewer of two counts, where 0 (nothing accepted) counts for nothing. */
        private static int fewer(int fewest, int count) {
            return count == 0 ? fewest : fewest == 0 ? count : Math.min(fewest, count);
        }
    }

    /** A refused request: when it was sent, and how many of the requests sent in the second up to it were accepted. */
    private static final class Refusal {
        final long sentAt;
        int acceptedBefore;

        Refusal(long sentAt) {
            this.sentAt = sentAt;
        }

        /** Whether a request sent then counted before this one: sent in the second before it, or reaching the API first. */
        boolean inSecondBefore(long sent) {
            return sent > sentAt - SECOND && sent <= sentAt + REORDERING;
        }
    }

    /** @param ceiling the operator's most requests a second, 0 for none */
    public OdsPace(int ceiling, Clock clock) {
        this(ceiling, clock, LOG::info);
    }

    /** @param log told the pace a lesson changed */
    OdsPace(int ceiling, Clock clock, Consumer<String> log) {
        if (ceiling < 0) {
            throw new IllegalArgumentException("a ceiling is 0 (none) or more requests a second, not " + ceiling);
        }
        this.ceiling = ceiling;
        this.clock = clock;
        this.log = log;
        this.logged = ceiling;
        this.quietSince = clock.millis();
    }

    /** Whether requests wait for their turn: the operator set a ceiling, or the API's limit was learned. */
    public synchronized boolean paced() {
        return ceiling > 0 || learned > 0;
    }

    /** The most requests a second, when {@link #paced()}: the lower of the ceiling and the learned pace. */
    public synchronized int perSecond() {
        long now = clock.millis();
        endLesson(now);
        if (learned > 0 && (ceiling == 0 || learned < ceiling) && now - quietSince >= QUIET.toMillis()) {
            learned++;
            stepped = true;
            quietSince = now;
            LOG.debug("the Ed-Fi API refused nothing for {} s: up to {} requests a second now", QUIET.toSeconds(), learned);
        }
        if (learned == 0) {
            if (ceiling == 0) {
                throw new IllegalStateException("no pace: neither a ceiling nor a learned limit of the Ed-Fi API");
            }
            return ceiling;
        }
        return ceiling == 0 ? learned : Math.min(ceiling, learned);
    }

    /** A request to the API was answered with this status (0: no answer) after it took this long. */
    @Override
    public synchronized void answered(Duration took, int status) {
        long now = clock.millis();
        long sentAt = now - took.toMillis();
        endLesson(now);
        if (status == 429) {
            refused(now, sentAt);
        } else if (status != 0) {
            accepted(now, sentAt);
        }
    }

    private void refused(long now, long sentAt) {
        quietSince = now;
        if (stepped) {
            learned--;
            stepped = false;
        }
        if (lesson == null) {
            lesson = new Lesson(sentAt);
        } else if (sentAt > lesson.firstRefusedSentAt) {
            // the API refused a request sent after the refused one too: it is counting
            lesson.counting = true;
        }
        Refusal refusal = new Refusal(sentAt);
        refusal.acceptedBefore = (int) accepted.stream().filter(refusal::inSecondBefore).count();
        lesson.open.add(refusal);
        lesson.endsAt = now + SECOND;
        learn(now);
    }

    private void accepted(long now, long sentAt) {
        accepted.addLast(sentAt);
        while (!accepted.isEmpty() && accepted.peekFirst() < now - KEPT) {
            accepted.removeFirst();
        }
        if (lesson == null) {
            return;
        }
        if (!lesson.counting && sentAt > lesson.firstRefusedSentAt + REORDERING && sentAt <= lesson.firstRefusedSentAt + SECOND) {
            // the API took the request after the refused one: it refused that one for another reason than a count
            lesson = null;
            return;
        }
        for (Refusal refusal : lesson.open) {
            if (refusal.inSecondBefore(sentAt)) {
                refusal.acceptedBefore++;
            }
        }
        learn(now);
    }

    private void learn(long now) {
        int limit = lesson.limit(now);
        if (lesson.counting && limit > 0) {
            learned = limit;
        }
    }

    /** A lesson ends when the API refused nothing for a second: the pace it taught is said, if it changed. */
    private void endLesson(long now) {
        if (lesson == null || now < lesson.endsAt) {
            return;
        }
        int pace = ceiling == 0 ? learned : Math.min(ceiling, learned);
        if (lesson.counting && learned > 0 && pace != logged) {
            logged = pace;
            log.accept("The Ed-Fi API refused requests over " + learned + " a second (429 Too Many Requests): it is sent at most "
                    + pace + " a second from now on" + (ceiling == 0 ? ""
                    : " (" + Settings.variable(Settings.ODS_MAX_REQUESTS_PER_SECOND) + " is " + ceiling + ")"));
        }
        lesson = null;
    }
}
