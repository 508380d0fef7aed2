package nm.cte.ods;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import nm.cte.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many requests a second the Ed-Fi API is sent: at most the operator's {@code CTE_ODS_MAX_REQUESTS_PER_SECOND},
 * and at most what the API showed it accepts when it refused requests with 429 (Too Many Requests).
 *
 * <p>It learns from every answer, told how long it took, so also when its request left. An API that limits requests
 * a second takes the first so many of a second and refuses the rest of it. So when the API refuses a request and the
 * next one sent after it too, it was counting: the requests it accepted of those sent in the second up to the refused
 * one are its limit, and that count becomes the pace, never above the pace before. Answers still under way add to the
 * count as they come in; later refusals of requests sent within that second are the same over-full second and teach
 * nothing more. A refusal followed by an accepted request is not a limit (a busy API refusing one now and then) and
 * changes nothing, nor does a second in which the API accepted nothing: Retry-After holds those requests back.
 *
 * <p>After {@link #QUIET} without a refusal the learned pace rises by one, and again after each further quiet while,
 * so that an API whose limit was raised, or that was shared with another client for a while, is found out; a refusal
 * takes back the last of those steps, and a refusal of a counting API counts it anew. The pace learned is logged when a
 * lesson changes it, once, never per request.
 */
public final class OdsPace implements OdsAuthorization.RequestObserver {

    private static final Logger LOG = LoggerFactory.getLogger(OdsPace.class);

    /** How long the API must accept every request before the learned pace rises by one. */
    static final Duration QUIET = Duration.ofSeconds(10);

    private static final long SECOND = 1000;
    /** How long the accepted requests' send times are kept: a second, and answers that took long. */
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
    /** Since when the API refused nothing, or the last step. */
    private long quietSince;
    private Lesson lesson;
    private int logged;

    /** What one refused second teaches: the requests accepted of those sent in the second up to the refused one. */
    private static final class Lesson {
        final long refusedSentAt;
        final int before;
        int count;
        boolean counting;
        long settlesAt;

        Lesson(long refusedSentAt, int before, int count, long settlesAt) {
            this.refusedSentAt = refusedSentAt;
            this.before = before;
            this.count = count;
            this.settlesAt = settlesAt;
        }

        boolean inSecondBefore(long sentAt) {
            return sentAt > refusedSentAt - SECOND && sentAt <= refusedSentAt;
        }

        boolean inSecondAfter(long sentAt) {
            return sentAt > refusedSentAt && sentAt <= refusedSentAt + SECOND;
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
        this.quietSince = clock.millis();
    }

    /** Whether requests wait for their turn: the operator set a ceiling, or the API's limit was learned. */
    public synchronized boolean paced() {
        return ceiling > 0 || learned > 0;
    }

    /** The most requests a second, when {@link #paced()}: the lower of the ceiling and the learned pace. */
    public synchronized int perSecond() {
        long now = clock.millis();
        settle(now);
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
        settle(now);
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
        if (lesson != null && lesson.inSecondAfter(sentAt)) {
            // the request after the refused one was refused too: the API is counting
            if (!lesson.counting) {
                lesson.counting = true;
                learn();
            }
        } else if (lesson == null || sentAt > lesson.refusedSentAt) {
            finish();
            int count = (int) accepted.stream().filter(each -> each > sentAt - SECOND && each <= sentAt).count();
            lesson = new Lesson(sentAt, learned == 0 ? Integer.MAX_VALUE : learned, count, now + SECOND);
        }
        if (lesson != null && lesson.counting) {
            lesson.settlesAt = Math.max(lesson.settlesAt, now + SECOND);
        }
    }

    private void accepted(long now, long sentAt) {
        accepted.addLast(sentAt);
        while (!accepted.isEmpty() && accepted.peekFirst() < now - KEPT) {
            accepted.removeFirst();
        }
        if (lesson == null) {
            return;
        }
        if (lesson.inSecondBefore(sentAt)) {
            lesson.count++;
            if (lesson.counting) {
                learn();
            }
        } else if (!lesson.counting && lesson.inSecondAfter(sentAt)) {
            // the API took the request after the refused one: it refused that one for another reason than a count
            lesson = null;
        }
    }

    private void learn() {
        if (lesson.count > 0) {
            learned = Math.min(lesson.before, lesson.count);
        }
    }

    /** A lesson is over a second after the last refusal it counted. */
    private void settle(long now) {
        if (lesson != null && now >= lesson.settlesAt) {
            finish();
        }
    }

    /** The lesson is over, or a later over-full second has one of its own: its pace is said, if it changed. */
    private void finish() {
        if (lesson == null) {
            return;
        }
        if (lesson.counting && learned > 0 && learned != logged) {
            logged = learned;
            log.accept("The Ed-Fi API refused requests over " + learned + " a second (429 Too Many Requests): it is sent at most "
                    + (ceiling == 0 ? learned + " a second from now on" : Math.min(ceiling, learned) + " a second from now on ("
                    + Settings.variable(Settings.ODS_MAX_REQUESTS_PER_SECOND) + " is " + ceiling + ")"));
        }
        lesson = null;
    }
}
