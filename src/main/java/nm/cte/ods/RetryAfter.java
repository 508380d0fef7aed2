package nm.cte.ods;

import java.time.Duration;

/** The ODS's Retry-After, in seconds as ODS/APIs send it; an HTTP date is not worth parsing for the waits they ask. */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** The wait asked for, or null when there is none in seconds. */
    public static Duration of(String header) {
        if (header == null || !header.strip().matches("\\d{1,6}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(header.strip()));
    }
}
