package nm.cte.ods;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

/**
 * The state's Ed-Fi ODS/API as the publisher uses it (D11): upserts with the shared token, renewed once on a 401, and
 * every answer classified. Failures worth another try are thrown for the route's error handler to redeliver.
 */
public final class OdsClient {

    private static final Pattern DEPENDENCY = Pattern.compile("'(student|program)'", Pattern.CASE_INSENSITIVE);

    private final URI dataRoot;
    private final HttpClient http;
    private final AccessTokens tokens;
    private final Duration responseTimeout;
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

    /** @param tls how the ODS's certificate is trusted, for an https API root */
    public OdsClient(URI apiRoot, String clientId, Secret clientSecret, int maxConnections, Duration connectTimeout,
                     Duration responseTimeout, SSLContext tls, Clock clock, RequestObserver observer) {
        String root = apiRoot.toString().endsWith("/") ? apiRoot.toString() : apiRoot + "/";
        this.dataRoot = URI.create(root + "data/v3/ed-fi/");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                // an answer is read and handed to its waiting sender on the client's own selector thread: the small
                // answers of the ODS do not need another pool's thread each, and its hand-overs cost more than them
                .executor(Runnable::run)
                .connectTimeout(connectTimeout)
                .sslContext(tls)
                .build();
        this.tokens = new AccessTokens(http, URI.create(root + "oauth/token"), clientId, clientSecret, responseTimeout, clock);
        this.responseTimeout = responseTimeout;
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
        HttpResponse<String> response = send(HttpRequest.newBuilder(dataRoot.resolve(resource))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        int status = response.statusCode();
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
        HttpResponse<String> response = send(HttpRequest.newBuilder(dataRoot.resolve(resource + "/" + resourceId)).DELETE());
        int status = response.statusCode();
        if (status == 200 || status == 204) {
            return Outcome.deleted(null);
        }
        if (status == 404) {
            return Outcome.deleted("the ODS no longer had it");
        }
        return Outcome.of(Reason.ODS_REJECTED, status + ": " + OdsMessages.of(status, response.body()));
    }

    /** One request with the shared token; a refused token is renewed once and the request repeated. */
    private HttpResponse<String> send(HttpRequest.Builder request)
            throws OdsUnavailableException, OdsUnreachableException, OdsCredentialsRefusedException {
        request.timeout(responseTimeout).header("Accept", "application/json");
        Sent sent = limited(request);
        HttpResponse<String> response = sent.response();
        if (response.statusCode() == 401) {
            tokens.refused(sent.token());
            response = limited(request).response();
            if (response.statusCode() == 401) {
                // refused twice in a row: the token was revoked again meanwhile, so try once more later
                throw new OdsUnavailableException(401, null, "the ODS/API refused a new token: " + OdsMessages.of(401, response.body()));
            }
        }
        throwIfUnavailable(response);
        return response;
    }

    /** An answer, and the token the request carried. */
    private record Sent(HttpResponse<String> response, AccessTokens.AccessToken token) {
    }

    /**
     * Sends once a connection is free, with the token current at that moment: a request waiting for its turn never
     * leaves with a token that expired meanwhile.
     */
    private Sent limited(HttpRequest.Builder request)
            throws OdsUnavailableException, OdsUnreachableException, OdsCredentialsRefusedException {
        inFlight.acquireUninterruptibly();
        long start = System.nanoTime();
        int status = 0;
        try {
            AccessTokens.AccessToken token = tokens.current();
            HttpResponse<String> response = exchange(http, withToken(request, token), dataRoot);
            status = response.statusCode();
            return new Sent(response, token);
        } finally {
            inFlight.release();
            observer.answered(Duration.ofNanos(System.nanoTime() - start), status);
        }
    }

    private static HttpRequest withToken(HttpRequest.Builder request, AccessTokens.AccessToken token) {
        return request.copy().setHeader("Authorization", "Bearer " + token.value().reveal()).build();
    }

    /** 5xx and 429 are the ODS's way of saying "not now". */
    static void throwIfUnavailable(HttpResponse<String> response) throws OdsUnavailableException {
        int status = response.statusCode();
        if (status >= 500 || status == 429) {
            throw new OdsUnavailableException(status, retryAfter(response),
                    "the ODS/API answered " + status + ": " + OdsMessages.of(status, response.body()));
        }
    }

    static HttpResponse<String> exchange(HttpClient http, HttpRequest request, URI where) throws OdsUnreachableException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new OdsUnreachableException("the ODS/API at " + where.getScheme() + "://" + where.getAuthority()
                    + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OdsUnreachableException("interrupted while waiting for the ODS/API", e);
        }
    }

    /** Retry-After in seconds, as the ODS sends it; an HTTP date is not worth parsing for the waits the ODS asks. */
    private static Duration retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After")
                .filter(value -> value.strip().matches("\\d{1,6}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value.strip())))
                .orElse(null);
    }

    /** The resource id is the last segment of Location. */
    private static Optional<String> resourceId(HttpResponse<String> response) {
        return response.headers().firstValue("Location").map(location -> location.substring(location.lastIndexOf('/') + 1));
    }
}
