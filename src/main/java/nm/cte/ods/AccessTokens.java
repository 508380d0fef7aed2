package nm.cte.ods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.net.ssl.SSLContext;

/**
 * The one access token that all requests of the process share (D11): fetched with the client credentials, renewed
 * shortly before it expires, and dropped when the ODS refuses it so that the next request fetches a new one. It is
 * fetched here, beside the HTTP endpoint rather than through it, so that neither the secret nor the token ever
 * travels in a Camel message.
 */
public final class AccessTokens {

    /** A token and the moment to stop using it. */
    record AccessToken(Secret value, Instant renewAt) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration MOST_MARGIN = Duration.ofMinutes(1);
    /** A refusal of the credentials stands this long: every sending thread hears it, and the ODS is asked once. */
    private static final Duration REFUSAL_STANDS = Duration.ofMinutes(1);

    private final HttpClient http;
    private final URI tokenUrl;
    private final String clientId;
    private final Secret clientSecret;
    private final Duration responseTimeout;
    private final Clock clock;
    private AccessToken current;
    private OdsCredentialsRefusedException refused;
    private Instant refusedAt;

    /** @param tls how the token endpoint's certificate is trusted, as the HTTP endpoint trusts the ODS's */
    public AccessTokens(URI tokenUrl, String clientId, Secret clientSecret, SSLContext tls, Duration connectTimeout,
                        Duration responseTimeout, Clock clock) {
        this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.responseTimeout = responseTimeout;
        this.clock = clock;
    }

    synchronized AccessToken current() throws IOException {
        if (refused != null && clock.instant().isBefore(refusedAt.plus(REFUSAL_STANDS))) {
            throw refused;
        }
        if (current == null || !clock.instant().isBefore(current.renewAt())) {
            current = fetch();
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

    private AccessToken fetch() throws IOException {
        String credentials = clientId + ":" + clientSecret.reveal();
        HttpRequest request = HttpRequest.newBuilder(tokenUrl)
                .timeout(responseTimeout)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a token", e);
        }
        int status = response.statusCode();
        if (status == 400 || status == 401 || status == 403) {
            refused = new OdsCredentialsRefusedException("the ODS/API refused the client credentials of CTE_ODS_CLIENT_ID '" + clientId
                    + "': " + OdsMessages.of(status, response.body()));
            refusedAt = clock.instant();
            throw refused;
        }
        if (status >= 500 || status == 429) {
            throw new OdsUnavailableException(status, response.body(),
                    RetryAfter.of(response.headers().firstValue("Retry-After").orElse(null)),
                    "the token endpoint answered " + status + ": " + OdsMessages.of(status, response.body()));
        }
        if (status != 200) {
            throw new OdsCredentialsRefusedException("the token endpoint " + tokenUrl + " answered " + status + ": "
                    + OdsMessages.of(status, response.body()) + "; check CTE_ODS_BASE_URL");
        }
        return parse(response.body());
    }

    private AccessToken parse(String body) throws OdsCredentialsRefusedException {
        try {
            JsonNode json = MAPPER.readTree(body);
            String token = json.path("access_token").asText("");
            long lifetime = json.path("expires_in").asLong(0);
            if (!token.isEmpty() && lifetime > 0) {
                Duration margin = Duration.ofSeconds(lifetime).dividedBy(10);
                Duration use = Duration.ofSeconds(lifetime).minus(margin.compareTo(MOST_MARGIN) < 0 ? margin : MOST_MARGIN);
                return new AccessToken(new Secret(token), clock.instant().plus(use));
            }
        } catch (IOException notJson) {
            // said below, as an answer without a token
        }
        throw new OdsCredentialsRefusedException("the token endpoint " + tokenUrl
                + " answered 200 without access_token and expires_in: it is not an OAuth token endpoint; check CTE_ODS_BASE_URL");
    }
}
