package nm.cte.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import nm.cte.PowerSchoolFixture;
import nm.cte.PublisherHarness;
import nm.cte.ledger.ResultRow;
import nm.cte.sandbox.SandboxOds;
import nm.cte.sandbox.SandboxOptions;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** D15: export writes the per-record results of a run the ledger kept, as Excel and as CSV. */
class ExportCommandTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Properties settings = new Properties();
    private SandboxOds ods;

    @BeforeEach
    void publishedRun() throws Exception {
        PowerSchoolFixture source = PowerSchoolFixture.district();
        source.credential(source.student("123456789", 100, LocalDate.of(2026, 8, 12)), null, true);
        source.credential(source.student(null, 200, LocalDate.of(2026, 8, 12)), null, false);
        ods = SandboxOds.start(SandboxOptions.defaults(PublisherHarness.CLIENT_ID, PublisherHarness.CLIENT_SECRET));
        ods.addStudents(List.of("123456789"));
        settings.setProperty("cte.source.jdbc-url", source.url());
        settings.setProperty("cte.source.username", "sa");
        settings.setProperty("cte.school-year", "2027");
        settings.setProperty("cte.state.jdbc-url", PublisherHarness.freshLedger());
        PublisherHarness.addSandbox(settings, ods);
        assertEquals(Launcher.OK, execute("run"), err.toString(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stopOds() {
        ods.close();
    }

    private int execute(String... args) {
        return new Launcher(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), settings).execute(args);
    }

    @Test
    void excelExportHoldsTheSummaryAndEveryRecord(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("results.xlsx");

        assertEquals(Launcher.OK, execute("export", "--out", file.toString()), err.toString(StandardCharsets.UTF_8));

        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            Sheet records = workbook.getSheet("Records");
            List<String> header = new ArrayList<>();
            records.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertEquals(ResultRow.HEADERS, header);
            assertEquals(2, records.getLastRowNum());
            Row published = rowWithStatus(records, "PUBLISHED");
            assertEquals("Rio Grande High", published.getCell(0).getStringCellValue());
            assertEquals("123456789", published.getCell(7).getStringCellValue());
            assertEquals(35001100, (int) published.getCell(8).getNumericCellValue());
            assertEquals(32, published.getCell(13).getStringCellValue().length());
            Row dependency = rowWithStatus(records, "DEPENDENCY");
            assertEquals("MISSING_STUDENT_UNIQUE_ID", dependency.getCell(10).getStringCellValue());
            Sheet summary = workbook.getSheet("Summary");
            assertEquals("Student CTE Programs: run 1", summary.getRow(summary.getFirstRowNum()).getCell(0).getStringCellValue());
            List<String> summaryText = new ArrayList<>();
            summary.forEach(row -> row.forEach(cell -> summaryText.add(cell.toString())));
            assertTrue(summaryText.containsAll(List.of("PUBLISHED", "DEPENDENCY", "MISSING_STUDENT_UNIQUE_ID")), summaryText.toString());
        }
    }

    private static Row rowWithStatus(Sheet records, String status) {
        for (Row row : records) {
            if (row.getRowNum() > 0 && row.getCell(9).getStringCellValue().equals(status)) {
                return row;
            }
        }
        throw new AssertionError("no " + status + " row");
    }

    @Test
    void csvExportParsesWithItsHeader(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("results.csv");

        assertEquals(Launcher.OK, execute("export", "--out", file.toString(), "--run", "1"), err.toString(StandardCharsets.UTF_8));

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(String.join(",", ResultRow.HEADERS), lines.get(0).replace("\uFEFF", ""));
        assertEquals(3, lines.size());
        assertTrue(lines.stream().anyMatch(line -> line.contains(",PUBLISHED,") && line.contains("123456789")), lines.toString());
    }

    @Test
    void exportOfAnUnknownRunSaysSo(@TempDir Path folder) {
        assertEquals(Launcher.FAILED, execute("export", "--out", folder.resolve("r.csv").toString(), "--run", "9"));
        assertEquals("export: the ledger has no run 9", err.toString(StandardCharsets.UTF_8).strip());
    }
}
