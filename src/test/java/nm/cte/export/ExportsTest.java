package nm.cte.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** D15: the file name's ending chooses the export's format. */
class ExportsTest {

    @TempDir
    Path directory;

    @Test
    void xlsxEndingInAnyCaseGivesAWorkbook() throws IOException {
        Path out = directory.resolve("Run 42.XLSX");

        Exports.write(out, Fixtures.overview(), Fixtures.rows(Fixtures.published()));

        try (InputStream in = Files.newInputStream(out); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertEquals("Summary", workbook.getSheetName(0));
        }
    }

    @Test
    void csvEndingInAnyCaseGivesCsv() throws IOException {
        Path out = directory.resolve("run-42.Csv");

        Exports.write(out, Fixtures.overview(), Fixtures.rows(Fixtures.published()));

        assertTrue(Files.readString(out, StandardCharsets.UTF_8).startsWith("\uFEFFSchool Name,PS Student Number,"));
    }

    @Test
    void otherEndingIsRefusedBeforeAnythingIsWritten() {
        Path out = directory.resolve("run-42.xls");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Exports.write(out, Fixtures.overview(), Fixtures.rows(Fixtures.published())));

        assertTrue(refused.getMessage().contains(".xlsx or .csv"), refused.getMessage());
        assertFalse(Files.exists(out));
    }
}
