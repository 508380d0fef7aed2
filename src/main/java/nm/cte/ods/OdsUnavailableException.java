package nm.cte.ods;

import java.time.Duration;

/** The ODS/API could not take a request now (5xx, 429): worth another try, after Retry-After when it gave one. */
public final class OdsUnavailableException extends Exception {

    private final int status;
    private final Duration retryAfter;

    public OdsUnavailableException(int status, Duration retryAfter, String message) {
        super(message);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public int getStatus() {
        return status;
    }

    /** What the ODS asked to wait, or null. */
    public Duration getRetryAfter() {
        return retryAfter;
    }
}
