package nm.cte.ods;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one access token that all requests of the process share (D11): fetched with the client credentials, renewed
 * shortly before it expires, and dropped when the ODS refuses it so that the next request fetches a new one. What
 * the token endpoint says against it (refused credentials, a wrong URL, "not now") stands for a while, so that the
 * threads sending records hear it without asking the endpoint again each.
 */
public final class AccessTokens {

    private static final Logger LOG = LoggerFactory.getLogger(AccessTokens.class);

    /** A token and the moment to stop using it. */
    record AccessToken(Secret value, Instant renewAt) {
    }

    private static final Duration MOST_MARGIN = Duration.ofMinutes(1);
    /** A refusal stands this long: the run stops meanwhile, and the next run asks again. */
    private static final Duration REFUSAL_STANDS = Duration.ofMinutes(1);
    /** A "not now" without Retry-After stands this long, about the route's first redelivery delays. */
    private static final Duration BUSY_STANDS = Duration.ofSeconds(1);

    private final OdsConnection connection;
    private final URI tokenUrl;
    private final OdsConnection.Credentials credentials;
    private final Clock clock;
    private AccessToken current;
    private IOException standing;
    private Instant standsUntil;
    private boolean cappedSaid;

    AccessTokens(OdsConnection connection, URI tokenUrl, OdsConnection.Credentials credentials, Clock clock) {
        this.connection = connection;
        this.tokenUrl = tokenUrl;
        this.credentials = credentials;
        this.clock = clock;
    }

    URI tokenUrl() {
        return tokenUrl;
    }

    synchronized AccessToken current() throws IOException {
        if (standing != null && clock.instant().isBefore(standsUntil)) {
            throw standing;
        }
        if (current == null || !clock.instant().isBefore(current.renewAt())) {
            try {
                current = fetch();
                standing = null;
            } catch (OdsCredentialsRefusedException refused) {
                stand(refused, REFUSAL_STANDS);
                throw refused;
            } catch (OdsUnavailableException busy) {
                stand(busy, busy.getRetryAfter() != null ? busy.getRetryAfter() : BUSY_STANDS);
                throw busy;
            }
        }
        return current;
    }

    /** Makes sure the credentials are good and the token endpoint answers, before a run sends anything. */
    public void connect() throws IOException {
        current();
    }

    /** The ODS refused this token (401): the next request fetches a new one, unless another thread already has. */
    synchronized void refused(AccessToken token) {
        if (current == token) {
            current = null;
        }
    }

    private void stand(IOException answer, Duration howLong) {
        standing = answer;
        standsUntil = clock.instant().plus(howLong);
    }

    private AccessToken fetch() throws IOException {
        String basic = credentials.clientId() + ":" + credentials.clientSecret().reveal();
        String form = "grant_type=client_credentials" + (credentials.scope() == null ? ""
                : "&scope=" + URLEncoder.encode(credentials.scope(), StandardCharsets.UTF_8));
        OdsConnection.Answer response = connection.post(tokenUrl, form,
                "Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)),
                "Accept", "application/json");
        int status = response.status();
        if (status == 400 || status == 401 || status == 403) {
            throw new OdsCredentialsRefusedException("the ODS/API refused the client credentials of CTE_ODS_CLIENT_ID '"
                    + credentials.clientId() + "': " + OdsMessages.of(status, response.body()));
        }
        if (status >= 500 || status == 429) {
            throw new OdsUnavailableException(status, response.body(),
                    RetryAfter.of(response.retryAfter()),
                    "the token endpoint " + tokenUrl + " answered " + status + ": " + OdsMessages.of(status, response.body()));
        }
        if (status != 200) {
            throw new OdsCredentialsRefusedException("the token endpoint " + tokenUrl + " answered " + status + ": it is no"
                    + " token endpoint; set CTE_ODS_TOKEN_URL, or CTE_ODS_BASE_URL to the URL that serves the API's discovery document");
        }
        return parse(response.body());
    }

    private AccessToken parse(String body) throws OdsCredentialsRefusedException {
        Map<String, String> json = JsonScalars.of(body);
        if (json != null) {
            String token = json.getOrDefault("access_token", "");
            long expiresIn = seconds(json.get("expires_in"));
            if (!token.isEmpty() && expiresIn > 0) {
                TokenLifetime lifetime = TokenLifetime.of(expiresIn);
                if (lifetime.capped() && !cappedSaid) {
                    LOG.info(TokenLifetime.cappedMessage(tokenUrl.toString(), expiresIn));
                    cappedSaid = true;
                }
                Duration margin = lifetime.lifetime().dividedBy(10);
                Duration use = lifetime.lifetime().minus(margin.compareTo(MOST_MARGIN) < 0 ? margin : MOST_MARGIN);
                return new AccessToken(new Secret(token), clock.instant().plus(use));
            }
        }
        throw new OdsCredentialsRefusedException("the token endpoint " + tokenUrl + " answered 200 without access_token and"
                + " expires_in: it is no OAuth token endpoint; set CTE_ODS_TOKEN_URL");
    }

    /** expires_in as a whole number of seconds: a JSON number, or a number in a string as some servers send it; else 0. */
    private static long seconds(String expiresIn) {
        if (expiresIn == null) {
            return 0;
        }
        try {
            return (long) Double.parseDouble(expiresIn.strip());
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
