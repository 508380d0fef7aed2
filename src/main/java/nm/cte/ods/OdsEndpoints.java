package nm.cte.ods;

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

    public OdsEndpoints(CamelContext context) {
        this.context = context;
    }

    /** The endpoint that upserts (POST) to this URL; null without a URL (a dry run without an API sends nothing). */
    public Endpoint post(String url) {
        return endpoint(url, "POST");
    }

    /** The endpoint that deletes (DELETE) under this URL, the resource id its request's path. */
    public Endpoint delete(String url) {
        return endpoint(url, "DELETE");
    }

    private Endpoint endpoint(String url, String method) {
        if (url == null) {
            return null;
        }
        return context.getEndpoint(url + (url.contains("?") ? "&" : "?") + "httpMethod=" + method);
    }
}
