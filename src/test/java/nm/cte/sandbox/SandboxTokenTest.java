package nm.cte.sandbox;

import static nm.cte.sandbox.SandboxClient.CLIENT_ID;
import static nm.cte.sandbox.SandboxClient.CLIENT_SECRET;
import static nm.cte.sandbox.SandboxClient.basic;
import static nm.cte.sandbox.SandboxClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /oauth/token and the bearer check of data requests, as the ODS/API does them. */
class SandboxTokenTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private SandboxOds sandbox;
    private SandboxClient client;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxOds.start(SandboxClient.options());
        client = new SandboxClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void basicCredentialsWithFormGrantGetABearerToken() throws Exception {
        HttpResponse<String> response = client.tokenRequest(FORM, "grant_type=client_credentials", basic(CLIENT_ID, CLIENT_SECRET));

        assertEquals(200, response.statusCode());
        JsonNode token = json(response);
        assertTrue(token.get("access_token").asText().matches("[0-9a-f]{32}"), response.body());
        assertEquals(1800, token.get("expires_in").asLong());
        assertEquals("bearer", token.get("token_type").asText());
        assertEquals(1, sandbox.stats().tokensIssued());
    }

    @Test
    void credentialsInFormBodyGetAToken() throws Exception {
        HttpResponse<String> response = client.tokenRequest(FORM,
                "grant_type=client_credentials&client_id=" + CLIENT_ID + "&client_secret=" + CLIENT_SECRET, null);

        assertEquals(200, response.statusCode());
    }

    @Test
    void credentialsInJsonBodyGetAToken() throws Exception {
        HttpResponse<String> response = client.tokenRequest("application/json", """
                {"grant_type":"client_credentials","client_id":"publisher","client_secret":"s3cret"}""", null);

        assertEquals(200, response.statusCode());
    }

    @Test
    void credentialsInHeaderAndBodyAtOnceAre400InvalidClient() throws Exception {
        HttpResponse<String> response = client.tokenRequest(FORM,
                "grant_type=client_credentials&client_id=" + CLIENT_ID + "&client_secret=" + CLIENT_SECRET,
                basic(CLIENT_ID, CLIENT_SECRET));

        assertEquals(400, response.statusCode());
        assertEquals("{\"error\":\"invalid_client\"}", response.body());
    }

    @Test
    void badSecretIs401InvalidClient() throws Exception {
        HttpResponse<String> response = client.tokenRequest(FORM, "grant_type=client_credentials", basic(CLIENT_ID, "wrong"));

        assertEquals(401, response.statusCode());
        assertEquals("{\"error\":\"invalid_client\"}", response.body());
    }

    @Test
    void otherGrantIs400UnsupportedGrantType() throws Exception {
        HttpResponse<String> response = client.tokenRequest(FORM, "grant_type=password", basic(CLIENT_ID, CLIENT_SECRET));

        assertEquals(400, response.statusCode());
        assertEquals("{\"error\":\"unsupported_grant_type\"}", response.body());
    }

    @Test
    void issuedTokenOpensTheData() throws Exception {
        HttpResponse<String> response = client.get(SandboxClient.ASSOCIATIONS, client.token());

        assertEquals(200, response.statusCode());
        assertEquals("[]", response.body());
    }

    @Test
    void dataRequestWithoutTokenIs401WithEmptyBodyIn6x() throws Exception {
        HttpResponse<String> response = client.get(SandboxClient.ASSOCIATIONS, null);

        assertEquals(401, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void expiredTokenIs401() throws Exception {
        try (SandboxOds shortLived = SandboxOds.start(SandboxClient.options().withTokenLifetime(Duration.ofMillis(20)))) {
            SandboxClient shortClient = new SandboxClient(shortLived);
            String token = shortClient.token();
            Thread.sleep(100);

            assertEquals(401, shortClient.get(SandboxClient.ASSOCIATIONS, token).statusCode());
        }
    }

    @Test
    void dataRequestWithoutTokenIsProblemIn7x() throws Exception {
        try (SandboxOds seven = SandboxOds.start(SandboxClient.options().withApiMajorVersion(7))) {
            HttpResponse<String> response = new SandboxClient(seven).get(SandboxClient.ASSOCIATIONS, null);

            assertEquals(401, response.statusCode());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
            JsonNode problem = json(response);
            assertEquals("urn:ed-fi:api:security:authentication", problem.get("type").asText());
            assertEquals("Authentication Failed", problem.get("title").asText());
            assertEquals("Authorization header is missing.", problem.get("errors").get(0).asText());
        }
    }

    @Test
    void unknownTokenIsInvalidTokenIn7x() throws Exception {
        try (SandboxOds seven = SandboxOds.start(SandboxClient.options().withApiMajorVersion(7))) {
            HttpResponse<String> response = new SandboxClient(seven).get(SandboxClient.ASSOCIATIONS, "0123456789abcdef0123456789abcdef");

            assertEquals(401, response.statusCode());
            assertEquals("Invalid token", json(response).get("errors").get(0).asText());
        }
    }
}
