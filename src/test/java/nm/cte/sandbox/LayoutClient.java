package nm.cte.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A java.net.http client of a sandbox in any layout, by whole URLs, for the tests. */
final class LayoutClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return MAPPER.readTree(response.body());
    }

    HttpResponse<String> get(URI url) throws Exception {
        return http.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> tokenRequest(URI tokenUrl) throws Exception {
        return http.send(HttpRequest.newBuilder(tokenUrl)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", SandboxClient.basic(SandboxClient.CLIENT_ID, SandboxClient.CLIENT_SECRET))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    String token(URI tokenUrl) throws Exception {
        HttpResponse<String> response = tokenRequest(tokenUrl);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token from " + tokenUrl + ": " + response.statusCode());
        }
        return json(response).get("access_token").asText();
    }

    HttpResponse<String> post(URI url, String json, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A studentCTEProgramAssociation POSTed where the sandbox's layout takes it. */
    HttpResponse<String> postAssociation(SandboxOds sandbox, String json) throws Exception {
        return post(associations(sandbox), json, token(sandbox.tokenUrl()));
    }

    static URI associations(SandboxOds sandbox) {
        return URI.create(sandbox.dataUrl() + "/ed-fi/studentCTEProgramAssociations");
    }
}
