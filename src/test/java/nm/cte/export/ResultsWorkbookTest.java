package nm.cte.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import nm.cte.ledger.ResultRow;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** D15: the run's summary and records as an Excel workbook, read back with POI as Excel would read it. */
class ResultsWorkbookTest {

    private static final int MAX_TEXT = 32_767;

    @TempDir
    Path directory;

    private XSSFWorkbook workbook;

    @AfterEach
    void close() throws IOException {
        if (workbook != null) {
            workbook.close();
        }
    }

    private XSSFWorkbook write(Iterator<ResultRow> rows) throws IOException {
        return write(rows, 1_048_576);
    }

    private XSSFWorkbook write(Iterator<ResultRow> rows, int rowsPerSheet) throws IOException {
        Path out = directory.resolve("results.xlsx");
        ResultsWorkbook.write(out, Fixtures.overview(), rows, rowsPerSheet);
        try (InputStream in = Files.newInputStream(out)) {
            workbook = new XSSFWorkbook(in);
        }
        return workbook;
    }

    private XSSFSheet records(ResultRow... rows) throws IOException {
        return write(Fixtures.rows(rows)).getSheet("Records");
    }

    /** The cell of one column in the first record. */
    private Cell cell(ResultRow row, String header) throws IOException {
        return records(row).getRow(1).getCell(ResultRow.HEADERS.indexOf(header));
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getCellType() == CellType.NUMERIC
                ? String.valueOf((long) cell.getNumericCellValue()) : cell.getStringCellValue()));
        return texts;
    }

    private boolean bold(Cell cell) {
        return workbook.getFontAt(cell.getCellStyle().getFontIndex()).getBold();
    }

    /** The row whose first cell reads {@code label}. */
    private static Row rowLabelled(XSSFSheet sheet, String label) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no row " + label);
    }

    @Test
    void summaryIsTheFirstSheetAndTitledWithTheRun() throws IOException {
        write(Fixtures.rows(Fixtures.published()));

        assertEquals(List.of("Summary", "Records"), List.of(workbook.getSheetName(0), workbook.getSheetName(1)));
        Cell title = workbook.getSheetAt(0).getRow(0).getCell(0);
        assertEquals("Student CTE Programs: run 42", title.getStringCellValue());
        assertTrue(bold(title));
    }

    @Test
    void summaryGivesTheRunDetailsUnderBoldLabels() throws IOException {
        XSSFSheet summary = write(Fixtures.rows()).getSheet("Summary");

        assertEquals(42, rowLabelled(summary, "Run").getCell(1).getNumericCellValue());
        assertEquals("full", rowLabelled(summary, "Mode").getCell(1).getStringCellValue());
        assertEquals("all schools", rowLabelled(summary, "Selection").getCell(1).getStringCellValue());
        assertEquals("2026-2027", rowLabelled(summary, "School year").getCell(1).getStringCellValue());
        assertEquals(Fixtures.STARTED, rowLabelled(summary, "Started").getCell(1).getLocalDateTimeCellValue());
        assertEquals(Fixtures.ENDED, rowLabelled(summary, "Ended").getCell(1).getLocalDateTimeCellValue());
        assertEquals("completed", rowLabelled(summary, "Outcome").getCell(1).getStringCellValue());
        assertTrue(bold(rowLabelled(summary, "Outcome").getCell(0)));
    }

    @Test
    void summaryDurationIsAnExcelDurationInHours() throws IOException {
        Cell duration = rowLabelled(write(Fixtures.rows()).getSheet("Summary"), "Duration").getCell(1);

        assertEquals((3600 + 3 * 60 + 25) / 86_400d, duration.getNumericCellValue(), 1e-9);
        assertEquals("[h]:mm:ss", duration.getCellStyle().getDataFormatString());
    }

    @Test
    void summaryCountsRecordsByStatus() throws IOException {
        XSSFSheet summary = write(Fixtures.rows()).getSheet("Summary");

        Row header = summary.getRow(rowLabelled(summary, "By status").getRowNum() + 1);
        assertEquals(List.of("Status", "Records"), texts(header));
        assertTrue(bold(header.getCell(1)));
        assertEquals(List.of("PUBLISHED", "2"), texts(summary.getRow(header.getRowNum() + 1)));
        assertEquals(List.of("EXCLUDED", "1"), texts(summary.getRow(header.getRowNum() + 2)));
    }

    @Test
    void summaryCountsRecordsByReasonWithRuleAndStatus() throws IOException {
        XSSFSheet summary = write(Fixtures.rows()).getSheet("Summary");

        Row header = summary.getRow(rowLabelled(summary, "By reason").getRowNum() + 1);
        assertEquals(List.of("Reason", "Rule", "Status", "Records"), texts(header));
        assertEquals(List.of("NOT_IN_SCHOOL_YEAR", "E3", "EXCLUDED", "1"), texts(summary.getRow(header.getRowNum() + 1)));
    }

    @Test
    void recordsHeaderIsSpelledExactlyAndBold() throws IOException {
        Row header = records(Fixtures.published()).getRow(0);

        assertEquals(ResultRow.HEADERS, texts(header));
        header.forEach(cell -> assertTrue(bold(cell), cell.getStringCellValue()));
    }

    @Test
    void recordsHeaderIsAFrozenPane() throws IOException {
        PaneInformation pane = records(Fixtures.published()).getPaneInformation();

        assertTrue(pane.isFreezePane());
        assertEquals(1, pane.getHorizontalSplitPosition());
        assertEquals(0, pane.getVerticalSplitPosition());
    }

    @Test
    void autoFilterCoversTheHeaderAndEveryRecord() throws IOException {
        XSSFSheet records = records(Fixtures.published(), Fixtures.blank(), Fixtures.named("Zoë"));

        assertEquals("A1:N4", records.getCTWorksheet().getAutoFilter().getRef());
    }

    @Test
    void columnsAreWideEnoughForTheirHeaderAndFilterButton() throws IOException {
        XSSFSheet records = records(Fixtures.published());

        for (int column = 0; column < ResultRow.HEADERS.size(); column++) {
            int header = ResultRow.HEADERS.get(column).length();
            assertTrue(records.getColumnWidth(column) >= (header + 3) * 256, ResultRow.HEADERS.get(column));
        }
    }

    @Test
    void identifiersAndGradeAreNumericCells() throws IOException {
        Row row = records(Fixtures.published()).getRow(1);

        assertEquals(CellType.NUMERIC, row.getCell(1).getCellType());
        assertEquals(12345, row.getCell(1).getNumericCellValue());
        assertEquals(11, row.getCell(3).getNumericCellValue());
        assertEquals(35001123, row.getCell(8).getNumericCellValue());
    }

    @Test
    void datesAreExcelDatesShownAsIsoDates() throws IOException {
        Cell entry = cell(Fixtures.published(), "Entry Date");

        assertTrue(DateUtil.isCellDateFormatted(entry));
        assertEquals(LocalDate.of(2026, 8, 12).atStartOfDay(), entry.getLocalDateTimeCellValue());
        assertEquals("yyyy-mm-dd", entry.getCellStyle().getDataFormatString());
    }

    @Test
    void lastPublishDateKeepsItsTime() throws IOException {
        Cell published = cell(Fixtures.published(), "Last Publish Date");

        assertTrue(DateUtil.isCellDateFormatted(published));
        assertEquals(LocalDateTime.of(2026, 9, 14, 6, 1, 2), published.getLocalDateTimeCellValue());
        assertEquals("yyyy-mm-dd hh:mm:ss", published.getCellStyle().getDataFormatString());
    }

    @Test
    void textIsStringCells() throws IOException {
        Row row = records(Fixtures.published()).getRow(1);

        assertEquals(CellType.STRING, row.getCell(2).getCellType());
        assertEquals("Peña, Ana", row.getCell(2).getStringCellValue());
        assertEquals("123456789", row.getCell(7).getStringCellValue());
        assertEquals("PUBLISHED", row.getCell(9).getStringCellValue());
    }

    @Test
    void nullsAreEmptyCells() throws IOException {
        Row row = records(Fixtures.blank()).getRow(1);

        for (int column = 0; column < ResultRow.HEADERS.size(); column++) {
            Cell cell = row == null ? null : row.getCell(column);
            assertTrue(cell == null || cell.getCellType() == CellType.BLANK, ResultRow.HEADERS.get(column));
        }
    }

    @Test
    void formulaLikeTextStaysAStringCellKeptAsText() throws IOException {
        List<String> names = List.of("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1");

        XSSFSheet records = records(names.stream().map(Fixtures::named).toArray(ResultRow[]::new));

        for (int i = 0; i < names.size(); i++) {
            Cell cell = records.getRow(i + 1).getCell(ResultRow.HEADERS.indexOf("Student Name"));
            assertEquals(CellType.STRING, cell.getCellType(), names.get(i));
            assertEquals(names.get(i), cell.getStringCellValue());
            assertTrue(cell.getCellStyle().getQuotePrefixed(), names.get(i));
        }
    }

    @Test
    void textBeyondExcelsLimitIsCut() throws IOException {
        String message = cell(Fixtures.withMessage("x".repeat(MAX_TEXT + 10)), "Message").getStringCellValue();

        assertEquals(MAX_TEXT, message.length());
    }

    @Test
    void cutDoesNotSplitACharacter() throws IOException {
        String text = "x".repeat(MAX_TEXT - 1) + "\uD83D\uDE00";

        String message = cell(Fixtures.withMessage(text), "Message").getStringCellValue();

        assertEquals(MAX_TEXT - 1, message.length());
        assertEquals('x', message.charAt(message.length() - 1));
    }

    @Test
    void emptyRunGivesAHeaderOnlyRecordsSheet() throws IOException {
        XSSFSheet records = write(Collections.emptyIterator()).getSheet("Records");

        assertEquals(0, records.getLastRowNum());
        assertEquals(ResultRow.HEADERS, texts(records.getRow(0)));
        assertEquals("A1:N1", records.getCTWorksheet().getAutoFilter().getRef());
    }

    @Test
    void recordsBeyondASheetContinueOnNumberedSheets() throws IOException {
        write(Fixtures.numbered(5), 3);

        assertEquals(4, workbook.getNumberOfSheets());
        assertEquals(List.of("Summary", "Records", "Records 2", "Records 3"),
                List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2),
                        workbook.getSheetName(3)));
        assertEquals(5, workbook.getSheet("Records 3").getRow(1).getCell(1).getNumericCellValue());
        assertEquals(3, workbook.getSheet("Records 2").getRow(1).getCell(1).getNumericCellValue());
        assertEquals(2, workbook.getSheet("Records 2").getLastRowNum());
    }

    @Test
    void everyRecordsSheetHasHeaderFilterAndFrozenPane() throws IOException {
        write(Fixtures.numbered(5), 3);

        List<String> filters = new ArrayList<>();
        for (String name : List.of("Records", "Records 2", "Records 3")) {
            XSSFSheet sheet = workbook.getSheet(name);
            assertEquals(ResultRow.HEADERS, texts(sheet.getRow(0)), name);
            assertTrue(sheet.getPaneInformation().isFreezePane(), name);
            filters.add(sheet.getCTWorksheet().getAutoFilter().getRef());
        }
        assertEquals(List.of("A1:N3", "A1:N3", "A1:N2"), filters);
    }

    @Test
    void aFullSheetIsNotFollowedByAnEmptyOne() throws IOException {
        write(Fixtures.numbered(4), 3);

        assertEquals(3, workbook.getNumberOfSheets());
        assertEquals(2, workbook.getSheet("Records 2").getLastRowNum());
    }
}
