package nm.cte.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out row versions as the ODS/API makes its ETags, the .NET {@code DateTime.ToBinary()} of the write time, kept
 * strictly increasing so that two writes in the same tick still get different ETags.
 */
final class Versions {

    private static final long UTC_KIND = 1L << 62;
    private static final long TICKS_AT_UNIX_EPOCH = 621_355_968_000_000_000L;
    private static final long TICKS_PER_SECOND = 10_000_000L;
    private static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final AtomicLong last = new AtomicLong();

    Versions(Clock clock) {
        this.clock = clock;
    }

    long next() {
        Instant now = clock.instant();
        long ticks = TICKS_AT_UNIX_EPOCH + now.getEpochSecond() * TICKS_PER_SECOND + now.getNano() / 100;
        return last.accumulateAndGet(UTC_KIND | ticks, (previous, candidate) -> Math.max(previous + 1, candidate));
    }

    /** The ETag header value: the version in double quotes. */
    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The 7.x {@code _lastModifiedDate} of a version, with the seven fractional digits of .NET. */
    static String lastModifiedDate(long version) {
        long sinceEpoch = (version & ~UTC_KIND) - TICKS_AT_UNIX_EPOCH;
        Instant instant = Instant.ofEpochSecond(sinceEpoch / TICKS_PER_SECOND, (sinceEpoch % TICKS_PER_SECOND) * 100);
        return LAST_MODIFIED.format(instant);
    }
}
