package nm.cte.ods;

import java.io.IOException;
import java.time.Duration;

/**
 * The token endpoint could not give a token now (5xx, 429): worth another try, after Retry-After when it gave one. Its
 * accessors are those of Camel's HttpOperationFailedException, so that the route's error handling treats both alike.
 */
public final class OdsUnavailableException extends IOException {

    private final int statusCode;
    private final String responseBody;
    private final Duration retryAfter;

    public OdsUnavailableException(int statusCode, String responseBody, Duration retryAfter, String message) {
        super(message);
        this.statusCode = statusCode;
        this.responseBody = responseBody;
        this.retryAfter = retryAfter;
    }

    public int getStatusCode() {
        return statusCode;
    }

    public String getResponseBody() {
        return responseBody;
    }

    /** What the token endpoint asked to wait, or null. */
    public Duration getRetryAfter() {
        return retryAfter;
    }
}
