package nm.cte.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Calls the publishing page as a script would: HTTP Basic, no redirects followed, forms posted as a browser does. */
final class PageClient {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI root;
    private final String authorization;

    /** @param password null for a stranger, who sends no credentials */
    PageClient(int port, String user, String password) {
        this.root = URI.create("http://127.0.0.1:" + port);
        this.authorization = password == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> download(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts a form with these fields, in this order: name, value, name, value... */
    HttpResponse<String> post(String path, String... fields) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        String body = form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Presses Run Now as the page's form does, with the token the page gave; the answer is the page it leads to. */
    String runNow(String... fields) throws Exception {
        String[] all = new String[fields.length + 2];
        all[0] = "csrf";
        all[1] = csrfToken();
        System.arraycopy(fields, 0, all, 2, fields.length);
        HttpResponse<String> posted = post("/runs", all);
        if (posted.statusCode() != 303) {
            throw new AssertionError("Run Now answered " + posted.statusCode() + ": " + posted.body());
        }
        return get(posted.headers().firstValue("Location").orElseThrow()).body();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path));
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    String csrfToken() throws Exception {
        Matcher token = CSRF.matcher(get("/").body());
        if (!token.find()) {
            throw new AssertionError("the page has no Run Now form");
        }
        return token.group(1);
    }

    /** The text of an element of a page by its id, its markup and escapes undone. */
    static String text(String page, String id) {
        Matcher element = Pattern.compile("id=\"" + id + "\"[^>]*>(.*?)</", Pattern.DOTALL).matcher(page);
        if (!element.find()) {
            throw new AssertionError("no element '" + id + "' in " + page);
        }
        return unescaped(element.group(1).replaceAll("<[^>]+>", ""));
    }

    static String unescaped(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
