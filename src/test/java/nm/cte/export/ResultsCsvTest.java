package nm.cte.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import nm.cte.ledger.ResultRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** D15: the run's records as a CSV file that Excel opens as it should. */
class ResultsCsvTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path directory;

    private byte[] bytes(Iterator<ResultRow> rows) throws IOException {
        Path out = directory.resolve("results.csv");
        ResultsCsv.write(out, rows);
        return Files.readAllBytes(out);
    }

    private String text(Iterator<ResultRow> rows) throws IOException {
        byte[] bytes = bytes(rows);
        return new String(bytes, BOM.length, bytes.length - BOM.length, StandardCharsets.UTF_8);
    }

    private List<List<String>> records(ResultRow... rows) throws IOException {
        return Rfc4180.parse(text(Fixtures.rows(rows)));
    }

    /** The value of one column in the only record. */
    private String field(ResultRow row, String header) throws IOException {
        return records(row).get(1).get(ResultRow.HEADERS.indexOf(header));
    }

    @Test
    void fileStartsWithUtf8ByteOrderMark() throws IOException {
        byte[] bytes = bytes(Fixtures.rows(Fixtures.published()));

        assertArrayEquals(BOM, Arrays.copyOf(bytes, BOM.length));
    }

    @Test
    void headerIsSpelledExactly() throws IOException {
        assertEquals(ResultRow.HEADERS, records(Fixtures.published()).get(0));
    }

    @Test
    void everyLineEndsWithCrLfAndNullsAreEmptyFields() throws IOException {
        String text = text(Fixtures.rows(Fixtures.blank()));

        assertEquals(String.join(",", ResultRow.HEADERS) + "\r\n" + ",".repeat(13) + "\r\n", text);
    }

    @Test
    void emptyRunGivesHeaderOnly() throws IOException {
        assertEquals(List.of(ResultRow.HEADERS), Rfc4180.parse(text(Collections.emptyIterator())));
    }

    @Test
    void commaQuoteNewlineAndAccentsRoundTrip() throws IOException {
        List<String> names = List.of("Peña, Ana", "O\"Brien \"Bo\"", "first line\nsecond", "CR\r\nLF", "Zoë 😀");
        ResultRow[] rows = names.stream().map(Fixtures::named).toArray(ResultRow[]::new);

        List<List<String>> records = records(rows);

        int column = ResultRow.HEADERS.indexOf("Student Name");
        for (int i = 0; i < names.size(); i++) {
            assertEquals(names.get(i), records.get(i + 1).get(column));
        }
    }

    @Test
    void formulaLikeTextIsPrefixedWithAQuote() throws IOException {
        for (String name : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1")) {
            assertEquals("'" + name, field(Fixtures.named(name), "Student Name"), name);
        }
    }

    @Test
    void numbersAreWrittenPlainEvenWhenNegative() throws IOException {
        ResultRow preKindergarten = new ResultRow(null, 1234567890L, null, -1, null, null, null, null, 350010010,
                null, null, null, null, null);

        List<String> record = records(preKindergarten).get(1);

        assertEquals("1234567890", record.get(1));
        assertEquals("-1", record.get(3));
        assertEquals("350010010", record.get(8));
    }

    @Test
    void datesAreIsoAndLastPublishDateHasItsTime() throws IOException {
        List<String> record = records(Fixtures.published()).get(1);

        assertEquals("2026-08-12", record.get(ResultRow.HEADERS.indexOf("Entry Date")));
        assertEquals("2027-05-28", record.get(ResultRow.HEADERS.indexOf("Exit Date")));
        assertEquals("2026-09-14 06:01:02", record.get(ResultRow.HEADERS.indexOf("Last Publish Date")));
    }
}
