package nm.cte.sandbox;

import static nm.cte.sandbox.SandboxClient.ASSOCIATIONS;
import static nm.cte.sandbox.SandboxClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The faults a sandbox shows on demand, each as a client meets it. */
class SandboxFaultTest {

    private static final String STUDENT = "123456789";

    private SandboxOds sandbox;
    private SandboxClient client;
    private String token;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxOds.start(SandboxClient.options());
        sandbox.addStudents(List.of(STUDENT));
        client = new SandboxClient(sandbox);
        token = client.token();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private HttpResponse<String> postAssociation() throws Exception {
        return client.post(ASSOCIATIONS, Bodies.ds4(STUDENT), token);
    }

    @Test
    void failRate500AnswersWithTheOdsServerError() throws Exception {
        sandbox.faults().failRate(500, 1.0);

        HttpResponse<String> response = postAssociation();

        assertEquals(500, response.statusCode());
        assertEquals("An unexpected error occurred on the server.", json(response).get("message").asText());
    }

    @Test
    void failRate503CarriesRetryAfter() throws Exception {
        sandbox.faults().failRate(503, 1.0);

        HttpResponse<String> response = postAssociation();

        assertEquals(503, response.statusCode());
        assertEquals("1", response.headers().firstValue("Retry-After").orElseThrow());
    }

    @Test
    void failRate429CarriesRetryAfter() throws Exception {
        sandbox.faults().failRate(429, 1.0);

        HttpResponse<String> response = postAssociation();

        assertEquals(429, response.statusCode());
        assertEquals("1", response.headers().firstValue("Retry-After").orElseThrow());
    }

    @Test
    void failedRequestStoresNothing() throws Exception {
        sandbox.faults().failRate(503, 1.0);

        postAssociation();

        assertEquals(List.of(), sandbox.associations());
    }

    @Test
    void failuresLeaveTokenRequestsAlone() throws Exception {
        sandbox.faults().failRate(500, 1.0).resetRate(1.0);

        assertEquals(32, client.token().length());
    }

    @Test
    void resetClosesTheConnectionWithoutAnAnswer() throws Exception {
        sandbox.faults().resetRate(1.0);

        assertThrows(IOException.class, this::postAssociation);
        assertEquals(1, sandbox.stats().hangUps());
    }

    @Test
    void afterAResetTheNextRequestIsAnswered() throws Exception {
        sandbox.faults().resetRate(1.0);
        assertThrows(IOException.class, this::postAssociation);

        sandbox.faults().resetRate(0);

        assertEquals(201, postAssociation().statusCode());
    }

    @Test
    void latencyHoldsTheAnswerBack() throws Exception {
        sandbox.faults().latency(Duration.ofSeconds(30));

        assertThrows(HttpTimeoutException.class, () -> client.get(ASSOCIATIONS, token, Duration.ofMillis(200)));
    }

    @Test
    void anAnswerTakesAtLeastTheLatencyFromTheRequestsArrival() throws Exception {
        sandbox.faults().latency(Duration.ofMillis(150));

        long start = System.nanoTime();
        int status = postAssociation().statusCode();

        assertEquals(201, status);
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(150).toNanos(), "answered before the latency passed");
    }

    @Test
    void aLatencyRangeHoldsEachAnswerBackAtLeastItsLeast() throws Exception {
        sandbox.faults().latency(Duration.ofMillis(120), Duration.ofMillis(150));

        long start = System.nanoTime();
        int status = postAssociation().statusCode();

        assertEquals(201, status);
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(120).toNanos(), "answered before the least latency passed");
    }

    @Test
    void aLatencyRangeThatEndsBelowItsStartIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> sandbox.faults().latency(Duration.ofMillis(150), Duration.ofMillis(50)));
    }

    @Test
    void requestsAboveTheRateLimitAreAnswered429WithRetryAfter() throws Exception {
        sandbox.faults().rateLimit(2);

        List<HttpResponse<String>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(client.get(ASSOCIATIONS, token));
        }

        // five requests fall in one second or two: the first two are within the limit, and at least one is over it
        assertEquals(List.of(200, 200), answers.subList(0, 2).stream().map(HttpResponse::statusCode).toList());
        HttpResponse<String> refused = answers.stream().filter(answer -> answer.statusCode() == 429).findFirst().orElseThrow();
        assertEquals("1", refused.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(answers.stream().filter(answer -> answer.statusCode() == 429).count(), sandbox.stats().rateLimited());
    }

    @Test
    void theRateLimitCountsEachSecondAfresh() throws Exception {
        sandbox.faults().rateLimit(1);
        int status = 200;
        for (int i = 0; i < 10 && status != 429; i++) {
            status = client.get(ASSOCIATIONS, token).statusCode();
        }
        assertEquals(429, status);

        Thread.sleep(1100);

        assertEquals(200, client.get(ASSOCIATIONS, token).statusCode());
    }

    @Test
    void theSandboxCountsHowOftenTheRateLimitRefusedOneRequest() throws Exception {
        sandbox.faults().rateLimit(1);
        client.get(ASSOCIATIONS, token);

        for (int i = 0; i < 3; i++) {
            postAssociation();
        }

        // the same POST refused up to three times, unless a new second let one through
        assertTrue(sandbox.stats().mostRateLimitedOfOneRequest() >= 1, sandbox.stats().toString());
        assertEquals(sandbox.stats().rateLimited(), sandbox.stats().mostRateLimitedOfOneRequest());
    }

    @Test
    void revocationAnswers401AndKillsTheToken() throws Exception {
        sandbox.faults().revokeRate(1.0);

        assertEquals(401, postAssociation().statusCode());
        sandbox.faults().revokeRate(0);
        assertEquals(401, postAssociation().statusCode());
    }

    @Test
    void aNewTokenWorksAfterRevocation() throws Exception {
        sandbox.faults().revokeRate(1.0);
        postAssociation();
        sandbox.faults().revokeRate(0);

        token = client.token();

        assertEquals(201, postAssociation().statusCode());
    }

    @Test
    void revokeAllTokensKillsEveryIssuedToken() throws Exception {
        sandbox.faults().revokeAllTokens();

        assertEquals(401, postAssociation().statusCode());
    }

    @Test
    void downRefusesTokenAndDataRequestsAlike() throws Exception {
        sandbox.faults().down(true);

        assertThrows(IOException.class, client::token);
        assertThrows(IOException.class, this::postAssociation);
    }

    @Test
    void upAgainAfterDown() throws Exception {
        sandbox.faults().down(true);
        assertThrows(IOException.class, this::postAssociation);

        sandbox.faults().down(false);

        assertEquals(201, postAssociation().statusCode());
    }

    @Test
    void clearSwitchesEveryFaultOff() throws Exception {
        sandbox.faults().failRate(500, 1.0).resetRate(1.0).revokeRate(1.0).latency(Duration.ofSeconds(30)).down(true);

        sandbox.faults().clear();

        assertEquals(201, postAssociation().statusCode());
    }

    @Test
    void sameSeedStrikesTheSameRequests() throws Exception {
        List<Boolean> first = failuresOfTenPosts(7);
        List<Boolean> second = failuresOfTenPosts(7);

        assertEquals(first, second);
    }

    private List<Boolean> failuresOfTenPosts(long seed) throws Exception {
        sandbox.faults().seed(seed).failRate(503, 0.5);
        Boolean[] failed = new Boolean[10];
        for (int i = 0; i < failed.length; i++) {
            failed[i] = postAssociation().statusCode() == 503;
        }
        return List.of(failed);
    }

    @Test
    void rateOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> sandbox.faults().resetRate(1.5));
    }

    @Test
    void failureOtherThan429Or5xxIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> sandbox.faults().failRate(404, 0.5));
    }
}
