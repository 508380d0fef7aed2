package nm.cte.ods;

import java.time.Duration;

/**
 * How long a token answer says its token lasts: expires_in in seconds, as OAuth 2 and the ODS/API give it. A value
 * over a day cannot be a lifetime (Meadowlark gives the moment of expiry in seconds since the epoch, about 1.8e9):
 * it is taken as one hour, and said once.
 *
 * @param lifetime how long to use the token, before the caller's margin for renewing it ahead of time
 * @param capped   whether expires_in was over a day and the hour was taken instead
 */
public record TokenLifetime(Duration lifetime, boolean capped) {

    /** The longest expires_in taken as a lifetime. */
    static final Duration LONGEST = Duration.ofDays(1);
    /** The lifetime of a token whose expires_in is no lifetime. */
    static final Duration CAPPED = Duration.ofHours(1);

    /** @throws IllegalArgumentException for an expires_in of zero or less, which no token can be used for */
    public static TokenLifetime of(long expiresIn) {
        if (expiresIn <= 0) {
            throw new IllegalArgumentException("expires_in must be positive, not " + expiresIn);
        }
        return expiresIn > LONGEST.toSeconds()
                ? new TokenLifetime(CAPPED, true)
                : new TokenLifetime(Duration.ofSeconds(expiresIn), false);
    }

    /** The line to log once when {@link #capped}: which endpoint, what it said, what is done instead. */
    public static String cappedMessage(String tokenUrl, long expiresIn) {
        return "The token endpoint " + tokenUrl + " gave expires_in " + expiresIn
                + ", more than a day: it reads as a moment (seconds since 1970), not a lifetime; each token is renewed"
                + " within " + CAPPED.toMinutes() + " minutes, and on a 401";
    }
}
