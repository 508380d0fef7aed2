package nm.cte.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The bearer tokens the sandbox has issued, each good until it expires or is revoked. */
final class Tokens {

    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    /** Every token ever issued, so that tests can look for them where no token may be: logs, traces, exports. */
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final Duration lifetime;
    private final Clock clock;

    Tokens(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    String issue() {
        Instant now = clock.instant();
        // a client that renews on time leaves its old tokens behind: forget the dead ones
        expiries.values().removeIf(expiry -> !now.isBefore(expiry));
        String token = Guids.random();
        expiries.put(token, now.plus(lifetime));
        issued.add(token);
        return token;
    }

    boolean isLive(String token) {
        Instant expiry = expiries.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    Set<String> issued() {
        return Set.copyOf(issued);
    }

    void revokeAll() {
        expiries.clear();
    }

    /** The expires_in of the token response. */
    long lifetimeSeconds() {
        return lifetime.toSeconds();
    }

    /** When a token issued now expires, in seconds since the epoch, as Meadowlark gives its expires_in. */
    long expiryEpochSecond() {
        return clock.instant().plus(lifetime).getEpochSecond();
    }
}
