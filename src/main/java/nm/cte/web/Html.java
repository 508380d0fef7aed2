package nm.cte.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** The page's HTML: every value escaped, every document in the same frame. */
final class Html {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Html() {
    }

    /** A value as text inside an element or a quoted attribute. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** A value as one part of a URL's path or query. */
    static String url(Object value) {
        return URLEncoder.encode(value == null ? "" : value.toString(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String when(LocalDateTime time) {
        return time == null ? "" : WHEN.format(time);
    }

    /** A whole document: the title, the way back to the start, the body (already HTML). */
    static String document(String title, String body) {
        return document(title, body, 0);
    }

    /** A document that the browser loads again every so many seconds (0: never), while a run goes. */
    static String document(String title, String body, int refreshSeconds) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                %s<title>%s</title>
                <link rel="stylesheet" href="/page.css">
                </head>
                <body>
                <header><a href="/">Student CTE Programs: publishing</a></header>
                <main>
                <h1>%s</h1>
                %s
                </main>
                </body>
                </html>
                """.formatted(refreshSeconds > 0 ? "<meta http-equiv=\"refresh\" content=\"" + refreshSeconds + "\">\n" : "",
                text(title), text(title), body);
    }
}
