package nm.cte.ods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a token endpoint's answer of 200 gives: a token to use, or the word that it is no OAuth token endpoint. */
class AccessTokensTest {

    private HttpServer server;

    /** A token endpoint at /oauth/token that answers body with 200, under a root without a discovery document. */
    private AccessTokens tokensAnswering(String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] answer = body.getBytes(StandardCharsets.UTF_8);
            boolean token = exchange.getRequestURI().getPath().equals("/oauth/token");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(token ? 200 : 404, token ? answer.length : -1);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(token ? answer : new byte[0]);
            }
        });
        server.start();
        OdsConnection connection = new OdsConnection(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                Discovery.Overrides.none(), new OdsConnection.Credentials("publisher", new Secret("s3cret"), null),
                () -> null, null, Duration.ofSeconds(5), Duration.ofSeconds(5), Clock.systemUTC());
        connection.open(2027);
        return connection.tokens();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anOAuthAnswerGivesItsToken() throws Exception {
        AccessTokens tokens = tokensAnswering(
                "{\"access_token\":\"0123456789abcdef\",\"expires_in\":1800,\"token_type\":\"bearer\"}");

        assertEquals("0123456789abcdef", tokens.current().value().reveal());
    }

    @Test
    void aLifetimeSentAsTextIsALifetime() throws Exception {
        AccessTokens tokens = tokensAnswering("{\"access_token\":\"0123456789abcdef\",\"expires_in\":\"1800\"}");

        assertEquals("0123456789abcdef", tokens.current().value().reveal());
    }

    @Test
    void anAnswerWithoutALifetimeIsNoTokenEndpoint() throws Exception {
        AccessTokens tokens = tokensAnswering("{\"access_token\":\"0123456789abcdef\",\"expires_in\":null}");

        OdsCredentialsRefusedException refused = assertThrows(OdsCredentialsRefusedException.class, tokens::connect);
        assertTrue(refused.getMessage().contains("answered 200 without access_token and expires_in: it is no OAuth token"
                + " endpoint; set CTE_ODS_TOKEN_URL"), refused.getMessage());
    }

    @Test
    void aPageThatIsNoJsonObjectIsNoTokenEndpoint() throws Exception {
        AccessTokens tokens = tokensAnswering("[\"access_token\",\"expires_in\"]");

        assertThrows(OdsCredentialsRefusedException.class, tokens::connect);
    }
}
