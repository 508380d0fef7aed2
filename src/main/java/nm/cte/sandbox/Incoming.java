package nm.cte.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.Map;

/** A request as the sandbox reads it: method, path, query parameters, headers and the whole body. */
record Incoming(String method, String path, Map<String, String> query, Headers headers, byte[] body) {

    static Incoming read(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        // read to the end so that the keep-alive connection is ready for the next request
        byte[] body = exchange.getRequestBody().readAllBytes();
        return new Incoming(exchange.getRequestMethod(), uri.getPath(), UrlEncoded.parse(uri.getRawQuery()),
                exchange.getRequestHeaders(), body);
    }

    String header(String name) {
        return headers.getFirst(name);
    }

    /** The last path segment, the {id} of item routes, in the form the sandbox holds ids. */
    String resourceId() {
        return Guids.canonical(path.substring(path.lastIndexOf('/') + 1));
    }

    /** The same request at another path: where a shared-instance ODS/API would serve it. */
    Incoming at(String newPath) {
        return new Incoming(method, newPath, query, headers, body);
    }

    /** Whether it asks for data (/data/...), where faults strike, rather than for a token. */
    boolean asksForData() {
        return path.startsWith("/data/");
    }
}
