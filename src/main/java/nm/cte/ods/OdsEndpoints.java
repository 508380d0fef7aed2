package nm.cte.ods;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;

/**
 * The HTTP endpoints (camel-http) of one run's Ed-Fi API, resolved once when the run opens: the routes' {@code toD}
 * then sends each request to an endpoint it already has, where a URL would be parsed and normalised for every request
 * (issue 15's profile put that at about a sixth of the sending threads' time, benchmark.md "Delivery through Camel's
 * HTTP endpoint").
 */
public final class OdsEndpoints {

    private final CamelContext context;
    private final Executor making;

    /**
     * @param making where a run's endpoints are made while the run reads its source: making the first one loads the
     *               HTTP client, about a tenth of a second that the first record would otherwise wait for
     */
    public OdsEndpoints(CamelContext context, Executor making) {
        this.context = context;
        this.making = making;
    }

    /** The endpoints of a run that upserts to and deletes under these URLs; none without a URL (a dry run). */
    public RunEndpoints of(String associationsUrl, String programsUrl) {
        return new RunEndpoints(made(associationsUrl, "POST"), made(associationsUrl, "DELETE"), made(programsUrl, "POST"));
    }

    private CompletableFuture<Endpoint> made(String url, String method) {
        if (url == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(
                () -> context.getEndpoint(url + (url.contains("?") ? "&" : "?") + "httpMethod=" + method), making);
    }

    /** One run's endpoints, each taken by the first request that needs it, once it is made. */
    public static final class RunEndpoints {

        private final CompletableFuture<Endpoint> postRecord;
        private final CompletableFuture<Endpoint> deleteRecord;
        private final CompletableFuture<Endpoint> postProgram;

        private RunEndpoints(CompletableFuture<Endpoint> postRecord, CompletableFuture<Endpoint> deleteRecord,
                    CompletableFuture<Endpoint> postProgram) {
            this.postRecord = postRecord;
            this.deleteRecord = deleteRecord;
            this.postProgram = postProgram;
        }

        /** Where a record is upserted (POST). */
        public Endpoint postRecord() {
            return taken(postRecord);
        }

        /** Where a record is deleted (DELETE), its resource id the request's path. */
        public Endpoint deleteRecord() {
            return taken(deleteRecord);
        }

        /** Where a Program is upserted (POST). */
        public Endpoint postProgram() {
            return taken(postProgram);
        }

        private static Endpoint taken(CompletableFuture<Endpoint> endpoint) {
            try {
                return endpoint.join();
            } catch (CompletionException e) {
                // the reason an endpoint could not be made, as resolving it in the route would have thrown it
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
    }
}
