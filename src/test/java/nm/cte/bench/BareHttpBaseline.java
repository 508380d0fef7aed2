package nm.cte.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * The yardstick of B1: a bare HTTP client that POSTs pre-built bodies from a fixed number of threads, each sending its
 * next body as soon as its last one is answered. Nothing is decided, built, checked or recorded: what is left is the
 * cost of HTTP and of the sandbox, which the publisher can at best equal.
 *
 * <p>It runs as the publisher does, so that the ratio measures the publisher's pipeline and nothing else: in a JVM of
 * its own, started for each measurement with the publisher's JVM options, on the same HTTP client (Apache HttpClient 5,
 * classic, one pooled connection per thread). In the benchmark's own JVM it kept getting faster as that JVM compiled
 * its code, by half between its third and fifth measurement, and a ratio against it measured the compiler.
 */
final class BareHttpBaseline {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ASSOCIATIONS = "data/v3/ed-fi/studentCTEProgramAssociations";
    private static final String CLIENT_ID = "BENCH_CLIENT_ID";
    private static final String CLIENT_SECRET = "BENCH_CLIENT_SECRET";

    /** What the client did, as it said so on its last line, and its process as the benchmark measured it. */
    record Result(int requests, long accepted, Map<Integer, Long> byStatus, long failures, long retries, double seconds,
                  double cpuSeconds, PublisherProcess.Result process) {

        double perSecond() {
            return accepted / seconds;
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("requests", requests);
            json.put("accepted", accepted);
            json.put("byStatus", byStatus);
            json.put("failures", failures);
            json.put("retriedAfterIoException", retries);
            json.put("seconds", BenchReport.round(seconds, 3));
            json.put("perSecond", BenchReport.round(perSecond(), 1));
            json.put("cpuSecondsPosting", BenchReport.round(cpuSeconds, 3));
            json.put("process", process.toJson());
            return json;
        }
    }

    private BareHttpBaseline() {
    }

    /**
     * Writes the bodies as the publisher POSTed them, one a line: what the ODS stored, without the fields it adds
     * itself (id, _etag, _lastModifiedDate, and the link of each reference).
     */
    static Path writeBodies(List<ObjectNode> stored, Path file) throws IOException {
        List<String> lines = new ArrayList<>(stored.size());
        for (ObjectNode association : stored) {
            ObjectNode body = association.deepCopy();
            body.remove(List.of("id", "_etag", "_lastModifiedDate"));
            removeLinks(body);
            lines.add(MAPPER.writeValueAsString(body));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static void removeLinks(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("link");
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            removeLinks(children.next());
        }
    }

    /** Runs the client in a child JVM with the given JDK_JAVA_OPTIONS and waits for it. */
    static Result post(String label, Path dir, String jdkJavaOptions, URI apiRoot, String clientId, String clientSecret,
                       Path bodies, int threads, Duration timeout) throws IOException, InterruptedException {
        PublisherProcess.Result process = new PublisherProcess(label, dir)
                .main(System.getProperty("java.class.path"), BareHttpBaseline.class.getName(), apiRoot.toString(),
                        bodies.toString(), Integer.toString(threads), Long.toString(timeout.toSeconds()))
                .env(Map.of(CLIENT_ID, clientId, CLIENT_SECRET, clientSecret))
                .jdkJavaOptions(jdkJavaOptions)
                .timeout(timeout.plusSeconds(30))
                .run();
        List<String> out = Files.readAllLines(process.stdout(), StandardCharsets.UTF_8);
        if (process.exitCode() != 0 || out.isEmpty()) {
            throw new IllegalStateException("the bare client " + label + " exited " + process.exitCode() + ": "
                    + Files.readString(process.stderr(), StandardCharsets.UTF_8));
        }
        JsonNode said = MAPPER.readTree(out.get(out.size() - 1));
        Map<Integer, Long> byStatus = new TreeMap<>();
        said.path("byStatus").fields().forEachRemaining(status -> byStatus.put(Integer.valueOf(status.getKey()), status.getValue().asLong()));
        return new Result(said.path("requests").asInt(), said.path("accepted").asLong(), byStatus, said.path("failures").asLong(),
                said.path("retries").asLong(), said.path("seconds").asDouble(), said.path("cpuSeconds").asDouble(), process);
    }

    /**
     * The client itself: {@code API_ROOT BODIES_FILE THREADS TIMEOUT_SECONDS}, the credentials in BENCH_CLIENT_ID and
     * BENCH_CLIENT_SECRET; its last line on standard output is what it did, as JSON. The clock runs from its first POST
     * to its last answer, as the publisher's runs from the run's start to its end, and so does the CPU time it gives.
     */
    public static void main(String[] args) throws Exception {
        String root = args[0].endsWith("/") ? args[0] : args[0] + "/";
        List<byte[]> bodies = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8).stream()
                .map(line -> line.getBytes(StandardCharsets.UTF_8)).toList();
        int threads = Integer.parseInt(args[2]);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[3]));
        AtomicInteger next = new AtomicInteger();
        LongAdder accepted = new LongAdder();
        LongAdder failures = new LongAdder();
        LongAdder retries = new LongAdder();
        Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
        try (CloseableHttpClient http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(threads).setMaxConnPerRoute(threads).build())
                .disableAutomaticRetries()
                .build()) {
            String token = token(http, URI.create(root + "oauth/token"), System.getenv(CLIENT_ID), System.getenv(CLIENT_SECRET));
            URI target = URI.create(root + ASSOCIATIONS);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                pool.execute(() -> {
                    int index;
                    while ((index = next.getAndIncrement()) < bodies.size() && System.nanoTime() < deadline) {
                        HttpPost post = new HttpPost(target);
                        post.setHeader("Accept", "application/json");
                        post.setHeader("Authorization", "Bearer " + token);
                        post.setEntity(new ByteArrayEntity(bodies.get(index), ContentType.APPLICATION_JSON));
                        try {
                            int status;
                            try {
                                status = send(http, post);
                            } catch (IOException e) {
                                // a kept-alive connection the server closed meanwhile: once more, as any client would
                                retries.increment();
                                status = send(http, post);
                            }
                            byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
                            if (status == 200 || status == 201 || status == 204) {
                                accepted.increment();
                            }
                        } catch (IOException e) {
                            failures.increment();
                        }
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.DAYS);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
            Map<String, Long> statuses = new TreeMap<>();
            byStatus.forEach((status, count) -> statuses.put(Integer.toString(status), count.sum()));
            Map<String, Object> said = new LinkedHashMap<>();
            said.put("requests", Math.min(next.get(), bodies.size()));
            said.put("accepted", accepted.sum());
            said.put("byStatus", statuses);
            said.put("failures", failures.sum());
            said.put("retries", retries.sum());
            said.put("seconds", seconds);
            said.put("cpuSeconds", cpuSeconds);
            System.out.println(MAPPER.writeValueAsString(said));
        }
    }

    private static int send(CloseableHttpClient http, HttpPost post) throws IOException {
        return http.execute(post, response -> {
            EntityUtils.consume(response.getEntity());
            return response.getCode();
        });
    }

    private static String token(CloseableHttpClient http, URI tokenUri, String clientId, String clientSecret) throws IOException {
        HttpPost post = new HttpPost(tokenUri);
        post.setHeader("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8)));
        post.setEntity(new StringEntity("grant_type=client_credentials", ContentType.APPLICATION_FORM_URLENCODED));
        return http.execute(post, response -> {
            String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            if (response.getCode() != 200) {
                throw new IOException("the sandbox refused the bare client a token: " + response.getCode() + " " + body);
            }
            return MAPPER.readTree(body).path("access_token").asText();
        });
    }
}
