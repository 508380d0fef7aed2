package nm.cte.export;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for the tests: CRLF after every record, quotes only around whole fields. */
final class Rfc4180 {

    private Rfc4180() {
    }

    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            StringBuilder field = new StringBuilder();
            if (text.charAt(at) == '"') {
                at = quoted(text, at + 1, field);
            } else {
                while (at < text.length() && ",\r\n\"".indexOf(text.charAt(at)) < 0) {
                    field.append(text.charAt(at++));
                }
            }
            record.add(field.toString());
            if (text.startsWith(",", at)) {
                at++;
            } else if (text.startsWith("\r\n", at)) {
                records.add(record);
                record = new ArrayList<>();
                at += 2;
            } else {
                throw new AssertionError("neither a comma nor CRLF after a field, at " + at);
            }
        }
        return records;
    }

    /** Reads a quoted field from just after its opening quote; returns where the field ends. */
    private static int quoted(String text, int at, StringBuilder field) {
        while (true) {
            int quote = text.indexOf('"', at);
            if (quote < 0) {
                throw new AssertionError("a quoted field is never closed");
            }
            field.append(text, at, quote);
            if (!text.startsWith("\"\"", quote)) {
                return quote + 1;
            }
            field.append('"');
            at = quote + 2;
        }
    }
}
