package nm.cte.ods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * The one access token that all requests of the process share (D11): fetched with the client credentials, renewed
 * shortly before it expires, and dropped when the ODS refuses it so that the next request fetches a new one.
 */
final class AccessTokens {

    /** A token and the moment to stop using it. */
    record AccessToken(Secret value, Instant renewAt) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration MOST_MARGIN = Duration.ofMinutes(1);

    private final OdsHttp http;
    private final URI tokenUri;
    private final String clientId;
    private final Secret clientSecret;
    private final Clock clock;
    private AccessToken current;

    AccessTokens(OdsHttp http, URI tokenUri, String clientId, Secret clientSecret, Clock clock) {
        this.http = http;
        this.tokenUri = tokenUri;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    synchronized AccessToken current() throws OdsUnavailableException, OdsUnreachableException, OdsCredentialsRefusedException {
        if (current == null || !clock.instant().isBefore(current.renewAt())) {
            current = fetch();
        }
        return current;
    }

    /** The ODS refused this token (401): the next request fetches a new one, unless another thread already has. */
    synchronized void refused(AccessToken token) {
        if (current == token) {
            current = null;
        }
    }

    private AccessToken fetch() throws OdsUnavailableException, OdsUnreachableException, OdsCredentialsRefusedException {
        String credentials = clientId + ":" + clientSecret.reveal();
        HttpPost request = new HttpPost(tokenUri);
        request.setHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        request.setHeader("Accept", "application/json");
        request.setEntity(new StringEntity("grant_type=client_credentials", ContentType.APPLICATION_FORM_URLENCODED));
        OdsHttp.Reply response = http.exchange(request, tokenUri);
        int status = response.status();
        if (status == 400 || status == 401 || status == 403) {
            throw new OdsCredentialsRefusedException("the ODS/API refused the client credentials of CTE_ODS_CLIENT_ID '" + clientId
                    + "': " + OdsMessages.of(status, response.body()));
        }
        OdsClient.throwIfUnavailable(response);
        if (status != 200) {
            throw new OdsUnavailableException(status, null, "the token endpoint answered " + OdsMessages.of(status, response.body()));
        }
        return parse(response.body());
    }

    private AccessToken parse(String body) throws OdsUnavailableException {
        try {
            JsonNode json = MAPPER.readTree(body);
            String token = json.path("access_token").asText("");
            long lifetime = json.path("expires_in").asLong(0);
            if (token.isEmpty() || lifetime <= 0) {
                throw new OdsUnavailableException(200, null, "the token endpoint answered without access_token or expires_in");
            }
            Duration margin = Duration.ofSeconds(lifetime).dividedBy(10);
            Duration use = Duration.ofSeconds(lifetime).minus(margin.compareTo(MOST_MARGIN) < 0 ? margin : MOST_MARGIN);
            return new AccessToken(new Secret(token), clock.instant().plus(use));
        } catch (IOException e) {
            throw new OdsUnavailableException(200, null, "the token endpoint answered no JSON");
        }
    }
}
