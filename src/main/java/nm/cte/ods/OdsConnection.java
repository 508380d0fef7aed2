package nm.cte.ods;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ed-Fi API as the process reaches it (D11): each run reads its discovery document and takes from it where the
 * token and the records are; the token that all requests share follows the token URL.
 */
public final class OdsConnection {

    private static final Logger LOG = LoggerFactory.getLogger(OdsConnection.class);

    /** The operator's credentials and the token request's scope (CTE_ODS_SCOPE, an EdOrgId), or null. */
    public record Credentials(String clientId, Secret clientSecret, String scope) {
    }

    private final URI root;
    private final Discovery.Overrides overrides;
    private final Credentials credentials;
    private final HttpClient http;
    private final Duration responseTimeout;
    private final Clock clock;
    private volatile AccessTokens tokens;

    /**
     * @param root CTE_ODS_BASE_URL: the URL that serves the discovery document
     * @param tls  how the API's certificate is trusted, as the HTTP endpoint trusts it
     */
    public OdsConnection(URI root, Discovery.Overrides overrides, Credentials credentials, SSLContext tls, Duration connectTimeout,
                         Duration responseTimeout, Clock clock) {
        this.root = root;
        this.overrides = overrides;
        this.credentials = credentials;
        // the discovery document and the token are asked for here, beside the HTTP endpoint and not through it, so
        // that neither the secret nor the token ever travels in a Camel message
        this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.responseTimeout = responseTimeout;
        this.clock = clock;
    }

    /**
     * Where a run of the school year (D3) finds the API: from its discovery document (GET without a token), the
     * overrides, or the ODS/API 5.x/6.x paths when there is no document.
     *
     * @throws IOException when the API does not answer at all
     */
    public Discovery.Endpoints open(int schoolYear) throws IOException {
        URI documentUrl = Discovery.documentUrl(root);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(documentUrl).timeout(responseTimeout)
                .header("Accept", "application/json").GET().build());
        Discovery.Endpoints endpoints = Discovery.endpoints(root, answer.statusCode(),
                answer.headers().firstValue("Content-Type").orElse(null), answer.body(), overrides, schoolYear);
        endpoints.notes().forEach(LOG::info);
        endpoints.warnings().forEach(LOG::warn);
        AccessTokens current = tokens;
        if (current == null || !current.tokenUrl().equals(endpoints.tokenUrl())) {
            tokens = new AccessTokens(this, endpoints.tokenUrl(), credentials, clock);
        }
        return endpoints;
    }

    /** CTE_ODS_BASE_URL, for messages about the API as a whole. */
    public URI root() {
        return root;
    }

    /** The token of the token URL the last run found; null before any run opened. */
    public AccessTokens tokens() {
        return tokens;
    }

    HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + request.uri(), e);
        }
    }

    Duration responseTimeout() {
        return responseTimeout;
    }
}
