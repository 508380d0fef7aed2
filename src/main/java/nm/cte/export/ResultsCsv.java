package nm.cte.export;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.function.Function;
import nm.cte.ledger.ResultRow;

/** Writes a run's records as CSV (RFC 4180) that Excel opens as it should, one line per record. */
public final class ResultsCsv {

    private static final Column[] COLUMNS = Column.values();
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private ResultsCsv() {
    }

    /**
     * Writes the header and every row, streaming, and replaces {@code out} only once all is written. The file carries
     * the records alone: the run's summary is in the workbook export.
     */
    public static void write(Path out, Iterator<ResultRow> rows) throws IOException {
        AtomicFile.write(out, stream -> {
            Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            // without a byte order mark Excel reads a CSV in the machine's ANSI code page: "Peña" would show "PeÃ±a"
            writer.write('\uFEFF');
            line(writer, Column::header);
            while (rows.hasNext()) {
                ResultRow row = rows.next();
                line(writer, column -> column.of(row));
            }
            writer.flush();
        });
    }

    private static void line(Writer writer, Function<Column, Object> values) throws IOException {
        for (Column column : COLUMNS) {
            if (column.ordinal() > 0) {
                writer.write(',');
            }
            writer.write(field(values.apply(column)));
        }
        writer.write("\r\n");
    }

    private static String field(Object value) {
        String text = text(value);
        boolean quoted = text.indexOf('"') >= 0 || text.indexOf(',') >= 0 || text.indexOf('\r') >= 0
                || text.indexOf('\n') >= 0;
        return quoted ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof LocalDateTime time) {
            return DATE_TIME.format(time);
        }
        if (value instanceof String string && FormulaGuard.looksLikeFormula(string)) {
            // OWASP's advice: a leading quote makes Excel take the value for text; a reader that wants the PowerSchool
            // value back drops it. Numbers are not guarded: Excel reads a grade level of -1 as the number it is.
            return "'" + string;
        }
        // a LocalDate's own text is ISO's yyyy-MM-dd, and numbers print without grouping
        return value.toString();
    }
}
