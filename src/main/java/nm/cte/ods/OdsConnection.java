package nm.cte.ods;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
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

    /** What the API answered to the discovery or token request: its status, the headers read, and the body. */
    record Answer(int status, String contentType, String retryAfter, String body) {
    }

    private final URI root;
    private final URI documentUrl;
    private final Discovery.Overrides overrides;
    private final Credentials credentials;
    private final CloseableHttpClient http;
    private final Clock clock;
    private volatile AccessTokens tokens;
    /** The discovery document read ahead of the first run, and when; taken by the next run that opens. */
    private volatile Ahead ahead;

    private record Ahead(Answer answer, Instant read) {
    }

    /** How long a document read ahead stands for the API's: a start's worth, never a serving process's hours. */
    private static final Duration AHEAD_FOR = Duration.ofMinutes(1);

    /**
     * @param root CTE_ODS_BASE_URL: the URL that serves the discovery document
     * @param tls  how the API's certificate is trusted, as the HTTP endpoint trusts it; asked for at the first https
     *             connection only, so that an http API never loads the JVM's TLS
     */
    public OdsConnection(URI root, Discovery.Overrides overrides, Credentials credentials, Supplier<SSLContext> tls,
                         HostnameVerifier hostnames, Duration connectTimeout, Duration responseTimeout, Clock clock) {
        this.root = root;
        this.documentUrl = Discovery.documentUrl(root);
        this.overrides = overrides;
        this.credentials = credentials;
        // the discovery document and the token are asked for here, beside the HTTP endpoint and not through it, so
        // that neither the secret nor the token ever travels in a Camel message; with the HTTP endpoint's client
        // (Apache HttpClient 5), which the deliveries load anyway
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(new TlsAtFirstUse(() -> new DefaultClientTlsStrategy(tls.get(), hostnames)))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(responseTimeout)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(responseTimeout)).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .setUserAgent("nm-cte-publisher")
                .build();
        this.clock = clock;
    }

    /**
     * Where a run of the school year (D3) finds the API: from its discovery document (GET without a token), the
     * overrides, or the ODS/API 5.x/6.x paths when there is no document.
     *
     * @throws IOException when the API does not answer at all
     */
    public Discovery.Endpoints open(int schoolYear) throws IOException {
        Answer answer = readAhead();
        if (answer == null) {
            answer = document();
        }
        Discovery.Endpoints endpoints = Discovery.endpoints(root, answer.status(), answer.contentType(), answer.body(),
                overrides, schoolYear);
        endpoints.notes().forEach(LOG::info);
        endpoints.warnings().forEach(LOG::warn);
        AccessTokens current = tokens;
        if (current == null || !current.tokenUrl().equals(endpoints.tokenUrl())) {
            tokens = new AccessTokens(this, endpoints.tokenUrl(), credentials, clock);
        }
        return endpoints;
    }

    /**
     * Reads the discovery document for the run about to open, while the process starts: its request, the HTTP client's
     * first, is then not a part of the run's start. An API that does not answer is left for the run to report.
     */
    public void readDocumentAhead() {
        try {
            ahead = new Ahead(document(), clock.instant());
        } catch (IOException e) {
            LOG.debug("Reading the discovery document ahead: {}", e.toString());
        }
    }

    /** The document read ahead, once, if it is recent; null otherwise. */
    private Answer readAhead() {
        Ahead read = ahead;
        ahead = null;
        return read != null && !read.read().plus(AHEAD_FOR).isBefore(clock.instant()) ? read.answer() : null;
    }

    private Answer document() throws IOException {
        HttpGet request = new HttpGet(documentUrl);
        request.setHeader("Accept", "application/json");
        return send(request);
    }

    /** CTE_ODS_BASE_URL, for messages about the API as a whole. */
    public URI root() {
        return root;
    }

    /** The token of the token URL the last run found; null before any run opened. */
    public AccessTokens tokens() {
        return tokens;
    }

    /** A form POST (the token request) with the given headers. */
    Answer post(URI url, String form, String... headers) throws IOException {
        HttpPost request = new HttpPost(url);
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        request.setEntity(new StringEntity(form, ContentType.APPLICATION_FORM_URLENCODED));
        return send(request);
    }

    private Answer send(HttpUriRequestBase request) throws IOException {
        return http.execute(request, response -> {
            Header type = response.getFirstHeader("Content-Type");
            Header retryAfter = response.getFirstHeader("Retry-After");
            String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            return new Answer(response.getCode(), type == null ? null : type.getValue(),
                    retryAfter == null ? null : retryAfter.getValue(), body);
        });
    }
}
