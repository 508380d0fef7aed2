package nm.cte.ods;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import nm.cte.domain.Outcome;
import nm.cte.domain.Reason;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * The state's Ed-Fi ODS/API as the publisher uses it (D11): upserts with the shared token, renewed once on a 401, and
 * every answer classified. Failures worth another try are thrown for the route's error handler to redeliver.
 */
public final class OdsClient {

    private static final Pattern DEPENDENCY = Pattern.compile("'(student|program)'", Pattern.CASE_INSENSITIVE);

    private final URI dataRoot;
    private final OdsHttp http;
    private final AccessTokens tokens;
    /** CTE_ODS_MAX_CONNECTIONS, whichever threads send. */
    private final Semaphore inFlight;
    private final RequestObserver observer;

    /**
     * @param apiRoot the API root: the token is at {apiRoot}/oauth/token, resources under {apiRoot}/data/v3/ed-fi/
     */
    /** Told of every request to the data endpoints: how long it took and its status (0: no answer). */
    public interface RequestObserver {
        void answered(Duration took, int status);
    }

    /** @param tls how the ODS's certificate is trusted, for an https API root; null for an http one */
    public OdsClient(URI apiRoot, String clientId, Secret clientSecret, int maxConnections, Duration connectTimeout,
                     Duration responseTimeout, SSLContext tls, Clock clock, RequestObserver observer) {
        String root = apiRoot.toString().endsWith("/") ? apiRoot.toString() : apiRoot + "/";
        this.dataRoot = URI.create(root + "data/v3/ed-fi/");
        this.http = new OdsHttp(maxConnections, connectTimeout, responseTimeout, tls);
        this.tokens = new AccessTokens(http, URI.create(root + "oauth/token"), clientId, clientSecret, clock);
        this.inFlight = new Semaphore(maxConnections);
        this.observer = observer;
    }

    /** Makes sure the credentials are good and the ODS answers, before a run sends anything. */
    public void connect() throws OdsUnavailableException, OdsUnreachableException, OdsCredentialsRefusedException {
        tokens.current();
    }

    /** POSTs a record: the ODS creates it, or updates the one with the same natural key. */
    public OdsAnswer upsert(String resource, String json)
            throws OdsUnavailableException, OdsUnreachableException, OdsCredentialsRefusedException {
        HttpPost post = new HttpPost(dataRoot.resolve(resource));
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        OdsHttp.Reply response = send(post);
        int status = response.status();
        if (status == 200 || status == 201 || status == 204) {
            return new OdsAnswer(Outcome.published(), resourceId(response).orElse(null));
        }
        String message = OdsMessages.of(status, response.body());
        if (status == 409) {
            Matcher dependency = DEPENDENCY.matcher(message);
            if (dependency.find()) {
                Reason reason = dependency.group(1).toLowerCase(Locale.ROOT).equals("student")
                        ? Reason.STUDENT_NOT_PUBLISHED : Reason.PROGRAM_NOT_PUBLISHED;
                return new OdsAnswer(Outcome.of(reason, message), null);
            }
        }
        return new OdsAnswer(Outcome.of(Reason.ODS_REJECTED, status + ": " + message), null);
    }

    /** D13: DELETEs a record by its resource id; a 404 means it is gone already, which is what was wanted. */
    public Outcome delete(String resource, String resourceId)
            throws OdsUnavailableException, OdsUnreachableException, OdsCredentialsRefusedException {
        OdsHttp.Reply response = send(new HttpDelete(dataRoot.resolve(resource + "/" + resourceId)));
        int status = response.status();
        if (status == 200 || status == 204) {
            return Outcome.deleted(null);
        }
        if (status == 404) {
            return Outcome.deleted("the ODS no longer had it");
        }
        return Outcome.of(Reason.ODS_REJECTED, status + ": " + OdsMessages.of(status, response.body()));
    }

    /** One request with the shared token; a refused token is renewed once and the request repeated. */
    private OdsHttp.Reply send(ClassicHttpRequest request)
            throws OdsUnavailableException, OdsUnreachableException, OdsCredentialsRefusedException {
        request.setHeader("Accept", "application/json");
        Sent sent = limited(request);
        OdsHttp.Reply response = sent.response();
        if (response.status() == 401) {
            tokens.refused(sent.token());
            response = limited(request).response();
            if (response.status() == 401) {
                // refused twice in a row: the token was revoked again meanwhile, so try once more later
                throw new OdsUnavailableException(401, null, "the ODS/API refused a new token: " + OdsMessages.of(401, response.body()));
            }
        }
        throwIfUnavailable(response);
        return response;
    }

    /** An answer, and the token the request carried. */
    private record Sent(OdsHttp.Reply response, AccessTokens.AccessToken token) {
    }

    /**
     * Sends once a connection is free, with the token current at that moment: a request waiting for its turn never
     * leaves with a token that expired meanwhile.
     */
    private Sent limited(ClassicHttpRequest request)
            throws OdsUnavailableException, OdsUnreachableException, OdsCredentialsRefusedException {
        inFlight.acquireUninterruptibly();
        long start = System.nanoTime();
        int status = 0;
        try {
            AccessTokens.AccessToken token = tokens.current();
            request.setHeader("Authorization", "Bearer " + token.value().reveal());
            OdsHttp.Reply response = http.exchange(request, dataRoot);
            status = response.status();
            return new Sent(response, token);
        } finally {
            inFlight.release();
            observer.answered(Duration.ofNanos(System.nanoTime() - start), status);
        }
    }

    /** 5xx and 429 are the ODS's way of saying "not now". */
    static void throwIfUnavailable(OdsHttp.Reply response) throws OdsUnavailableException {
        int status = response.status();
        if (status >= 500 || status == 429) {
            throw new OdsUnavailableException(status, retryAfter(response),
                    "the ODS/API answered " + status + ": " + OdsMessages.of(status, response.body()));
        }
    }

    /** Retry-After in seconds, as the ODS sends it; an HTTP date is not worth parsing for the waits the ODS asks. */
    private static Duration retryAfter(OdsHttp.Reply response) {
        return response.retryAfter()
                .filter(value -> value.strip().matches("\\d{1,6}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value.strip())))
                .orElse(null);
    }

    /** The resource id is the last segment of Location. */
    private static Optional<String> resourceId(OdsHttp.Reply response) {
        return response.location().map(location -> location.substring(location.lastIndexOf('/') + 1));
    }
}
