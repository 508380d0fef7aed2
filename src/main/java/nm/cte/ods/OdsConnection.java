package nm.cte.ods;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
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

    /** What the API answered to the discovery or token request: its status, the headers read, and the body. */
    record Answer(int status, String contentType, String retryAfter, String body) {
    }

    private final URI root;
    private final URI documentUrl;
    private final Discovery.Overrides overrides;
    private final Credentials credentials;
    private final Supplier<SSLContext> tls;
    private final HostnameVerifier hostnames;
    private final int connectTimeoutMs;
    private final int responseTimeoutMs;
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
        // that neither the secret nor the token ever travels in a Camel message; with the JDK's own client, not the
        // endpoint's Apache HttpClient 5, which took a quarter of a second of CPU to make and first use (measured):
        // explain and dry runs read the document and send nothing, and a run's start is not held up by it
        this.tls = tls;
        this.hostnames = hostnames;
        this.connectTimeoutMs = Math.toIntExact(connectTimeout.toMillis());
        this.responseTimeoutMs = Math.toIntExact(responseTimeout.toMillis());
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
        return send(documentUrl, null);
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
        return send(url, form, headers);
    }

    /**
     * A GET, or a form POST when there is a form: no proxy, redirect, cache or cookie, as the HTTP endpoint's client is
     * set up. The form is sent whole, not streamed: a streamed request answered 401 throws instead of giving the answer.
     */
    private Answer send(URI url, String form, String... headers) throws IOException {
        HttpURLConnection request = (HttpURLConnection) url.toURL().openConnection(Proxy.NO_PROXY);
        if (request instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(tls.get().getSocketFactory());
            https.setHostnameVerifier(hostnames);
        }
        request.setConnectTimeout(connectTimeoutMs);
        request.setReadTimeout(responseTimeoutMs);
        request.setInstanceFollowRedirects(false);
        request.setUseCaches(false);
        request.setRequestProperty("User-Agent", "nm-cte-publisher");
        request.setRequestProperty("Accept", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            request.setRequestProperty(headers[i], headers[i + 1]);
        }
        try {
            if (form != null) {
                request.setRequestMethod("POST");
                request.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
                request.setDoOutput(true);
                try (OutputStream out = request.getOutputStream()) {
                    out.write(form.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = request.getResponseCode();
            String body;
            try (InputStream in = status >= 400 ? request.getErrorStream() : request.getInputStream()) {
                body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return new Answer(status, request.getContentType(), request.getHeaderField("Retry-After"), body);
        } catch (IOException e) {
            request.disconnect();
            throw e;
        }
    }
}
