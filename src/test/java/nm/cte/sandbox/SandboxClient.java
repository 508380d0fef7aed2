package nm.cte.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A plain java.net.http client of a sandbox, talking to it as the publisher does, for the tests. */
final class SandboxClient {

    static final String CLIENT_ID = "publisher";
    static final String CLIENT_SECRET = "s3cret";
    static final String ASSOCIATIONS = "/data/v3/ed-fi/studentCTEProgramAssociations";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    // HTTP/1.1 as an ODS behind IIS speaks it; the default would ask to upgrade to h2c
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI root;

    SandboxClient(SandboxOds sandbox) {
        this.root = sandbox.apiRoot();
    }

    static SandboxOptions options() {
        return SandboxOptions.defaults(CLIENT_ID, CLIENT_SECRET);
    }

    static String basic(String clientId, String clientSecret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return MAPPER.readTree(response.body());
    }

    HttpResponse<String> tokenRequest(String contentType, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve("/oauth/token"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    /** A fresh access token, asked for the usual way: HTTP Basic and a form body. */
    String token() throws Exception {
        HttpResponse<String> response = tokenRequest("application/x-www-form-urlencoded", "grant_type=client_credentials",
                basic(CLIENT_ID, CLIENT_SECRET));
        return json(response).get("access_token").asText();
    }

    HttpResponse<String> post(String path, String json, String token) throws Exception {
        return postAs("application/json", path, json, token);
    }

    HttpResponse<String> postAs(String contentType, String path, String body, String token) throws Exception {
        return send(authorized(path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> get(String pathAndQuery, String token) throws Exception {
        return send(authorized(pathAndQuery, token).GET());
    }

    HttpResponse<String> delete(String path, String token) throws Exception {
        return send(authorized(path, token).DELETE());
    }

    /** A GET that gives up after this long. */
    HttpResponse<String> get(String pathAndQuery, String token, Duration timeout) throws Exception {
        return send(authorized(pathAndQuery, token).timeout(timeout).GET());
    }

    private HttpRequest.Builder authorized(String pathAndQuery, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + pathAndQuery));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
