package nm.cte.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** One answer of the sandbox, status, headers and body, or the decision to hang up without any answer. */
final class Answer {

    private static final String JSON = "application/json; charset=utf-8";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final byte[] NO_BODY = new byte[0];
    private static final Answer HANG_UP = new Answer(0, Map.of(), NO_BODY);

    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;

    private Answer(int status, Map<String, String> headers, byte[] body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    static Answer empty(int status) {
        return new Answer(status, Map.of(), NO_BODY);
    }

    static Answer json(int status, JsonNode body) {
        return new Answer(status, Map.of("Content-Type", JSON), Json.bytes(body));
    }

    /** An RFC 7807 problem, the error shape of ODS/API 7.x. */
    static Answer problem(int status, JsonNode body) {
        return new Answer(status, Map.of("Content-Type", PROBLEM_JSON), Json.bytes(body));
    }

    /** The connection closed unanswered: the client sees the end of the stream where the status line should be. */
    static Answer hangUp() {
        return HANG_UP;
    }

    Answer with(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new Answer(status, more, body);
    }

    boolean hangsUp() {
        return this == HANG_UP;
    }

    int status() {
        return status;
    }

    void send(HttpExchange exchange) throws IOException {
        headers.forEach(exchange.getResponseHeaders()::set);
        if (body.length == 0) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
