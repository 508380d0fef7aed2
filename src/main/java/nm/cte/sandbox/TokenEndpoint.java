package nm.cte.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * POST /oauth/token as the ODS/API answers it: the client credentials grant, with the credentials either in an HTTP
 * Basic header or in the form or JSON body, never in both. Meadowlark's expires_in is the moment of expiry in seconds
 * since the epoch, not a lifetime.
 */
final class TokenEndpoint {

    private final String clientId;
    private final byte[] clientSecret;
    private final Tokens tokens;
    private final Stats stats;
    private final boolean expiresAtEpoch;

    TokenEndpoint(String clientId, String clientSecret, Tokens tokens, Stats stats, boolean expiresAtEpoch) {
        this.clientId = clientId;
        this.clientSecret = clientSecret.getBytes(StandardCharsets.UTF_8);
        this.tokens = tokens;
        this.stats = stats;
        this.expiresAtEpoch = expiresAtEpoch;
    }

    Answer post(Incoming in) {
        String contentType = in.header("Content-Type");
        Map<String, String> fields;
        if (contentType != null && contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            fields = UrlEncoded.parse(new String(in.body(), StandardCharsets.UTF_8));
        } else if (contentType != null && JsonBody.isJson(contentType)) {
            try {
                fields = textFields(Json.MAPPER.readTree(in.body()));
            } catch (IOException e) {
                return error(400, "invalid_request");
            }
        } else {
            return Answer.empty(415);
        }
        String id = fields.get("client_id");
        String secret = fields.get("client_secret");
        String authorization = in.header("Authorization");
        if (authorization != null) {
            String[] parts = authorization.trim().split(" ");
            if (parts.length != 2) {
                return Answer.empty(401);
            }
            if (!parts[0].equalsIgnoreCase("Basic")) {
                return error(401, "invalid_client");
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return error(400, "invalid_request");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0 || id != null || secret != null) {
                return error(400, "invalid_client");
            }
            id = decoded.substring(0, colon);
            secret = decoded.substring(colon + 1);
        }
        if (id == null && secret == null) {
            return Answer.empty(401);
        }
        String grantType = fields.get("grant_type");
        if (grantType == null) {
            return error(400, "invalid_request");
        }
        if (!grantType.equalsIgnoreCase("client_credentials")) {
            return error(400, "unsupported_grant_type");
        }
        if (!clientId.equals(id) || secret == null
                || !MessageDigest.isEqual(clientSecret, secret.getBytes(StandardCharsets.UTF_8))) {
            return error(401, "invalid_client");
        }
        stats.tokenIssued();
        return Answer.json(200, Json.object()
                        .put("access_token", tokens.issue())
                        .put("expires_in", expiresAtEpoch ? tokens.expiryEpochSecond() : tokens.lifetimeSeconds())
                        .put("token_type", "bearer"))
                .with("Cache-Control", "no-store,no-cache")
                .with("Pragma", "no-cache");
    }

    private static Map<String, String> textFields(JsonNode body) throws IOException {
        if (!body.isObject()) {
            throw new IOException("a token request is a JSON object");
        }
        Map<String, String> fields = new HashMap<>();
        body.properties().forEach(field -> {
            if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                fields.put(field.getKey(), field.getValue().asText());
            }
        });
        return fields;
    }

    private static Answer error(int status, String error) {
        return Answer.json(status, Json.object().put("error", error));
    }
}
