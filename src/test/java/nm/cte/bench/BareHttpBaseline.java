package nm.cte.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The yardstick of B1: a bare {@link HttpClient} (HTTP/1.1, one client, kept-alive connections) that POSTs pre-built
 * bodies from a fixed number of threads, each sending its next body as soon as its last one is answered, as fast as
 * the ODS answers. Nothing is decided, built, checked or recorded: what is left is the cost of HTTP and of the
 * sandbox, which the publisher can at best equal.
 */
final class BareHttpBaseline {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ASSOCIATIONS = "data/v3/ed-fi/studentCTEProgramAssociations";

    record Result(int requests, long accepted, Map<Integer, Long> byStatus, long failures, long retries, double seconds) {

        double perSecond() {
            return accepted / seconds;
        }
    }

    private BareHttpBaseline() {
    }

    /**
     * The bodies as the publisher POSTed them: what the ODS stored, without the fields it adds itself (id, _etag,
     * _lastModifiedDate, and the link of each reference).
     */
    static List<byte[]> bodiesOf(List<ObjectNode> stored) throws IOException {
        List<byte[]> bodies = new ArrayList<>(stored.size());
        for (ObjectNode association : stored) {
            ObjectNode body = association.deepCopy();
            body.remove(List.of("id", "_etag", "_lastModifiedDate"));
            removeLinks(body);
            bodies.add(MAPPER.writeValueAsBytes(body));
        }
        return bodies;
    }

    private static void removeLinks(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("link");
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            removeLinks(children.next());
        }
    }

    static Result post(URI apiRoot, String clientId, String clientSecret, List<byte[]> bodies, int threads, Duration timeout)
            throws IOException, InterruptedException {
        String root = apiRoot.toString().endsWith("/") ? apiRoot.toString() : apiRoot + "/";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String token = token(http, URI.create(root + "oauth/token"), clientId, clientSecret);
        URI target = URI.create(root + ASSOCIATIONS);
        AtomicInteger next = new AtomicInteger();
        LongAdder accepted = new LongAdder();
        LongAdder failures = new LongAdder();
        LongAdder retries = new LongAdder();
        Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "baseline-client");
            thread.setDaemon(true);
            return thread;
        });
        long deadline = System.nanoTime() + timeout.toNanos();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                int index;
                while ((index = next.getAndIncrement()) < bodies.size() && System.nanoTime() < deadline) {
                    HttpRequest request = HttpRequest.newBuilder(target)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(index)))
                            .build();
                    try {
                        HttpResponse<String> response;
                        try {
                            response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        } catch (IOException e) {
                            // a kept-alive connection the server closed meanwhile: once more, as any client would
                            retries.increment();
                            response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        }
                        int status = response.statusCode();
                        byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
                        if (status == 200 || status == 201 || status == 204) {
                            accepted.increment();
                        }
                    } catch (IOException e) {
                        failures.increment();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(timeout.toSeconds() + 30, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<Integer, Long> statuses = new TreeMap<>();
        byStatus.forEach((status, count) -> statuses.put(status, count.sum()));
        return new Result(Math.min(next.get(), bodies.size()), accepted.sum(), statuses, failures.sum(), retries.sum(), seconds);
    }

    private static String token(HttpClient http, URI tokenUri, String clientId, String clientSecret)
            throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenUri)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the sandbox refused the baseline a token: " + response.statusCode() + " " + response.body());
        }
        return MAPPER.readTree(response.body()).path("access_token").asText();
    }
}
