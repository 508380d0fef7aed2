package nm.cte.export;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/** Puts values into the cells of one workbook as Excel should show them: typed, formatted, and never evaluated. */
final class Cells {

    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    private static final double MILLIS_PER_DAY = 86_400_000d;

    // made once per workbook: Excel allows some 64,000 styles, and a style per cell would soon pass that
    private final CellStyle title;
    private final CellStyle bold;
    private final CellStyle guardedText;
    private final CellStyle number;
    private final CellStyle date;
    private final CellStyle dateTime;
    private final CellStyle duration;

    Cells(Workbook workbook) {
        Font boldFont = workbook.createFont();
        boldFont.setBold(true);
        Font titleFont = workbook.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 14);
        title = workbook.createCellStyle();
        title.setFont(titleFont);
        bold = workbook.createCellStyle();
        bold.setFont(boldFont);
        guardedText = workbook.createCellStyle();
        guardedText.setQuotePrefixed(true);
        number = formatted(workbook, "0");
        date = formatted(workbook, "yyyy-mm-dd");
        dateTime = formatted(workbook, "yyyy-mm-dd hh:mm:ss");
        duration = formatted(workbook, "[h]:mm:ss");
    }

    private static CellStyle formatted(Workbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    void title(Row row, String text) {
        Cell cell = row.createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(title);
    }

    void header(Row row, int column, String text) {
        Cell cell = row.createCell(column);
        cell.setCellValue(text);
        cell.setCellStyle(bold);
    }

    /** Writes a String, Number, LocalDate, LocalDateTime or Duration; null leaves the cell empty. */
    void value(Row row, int column, Object value) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        if (value instanceof String text) {
            text(cell, text);
        } else if (value instanceof Number count) {
            cell.setCellValue(count.doubleValue());
            cell.setCellStyle(number);
        } else if (value instanceof LocalDateTime time) {
            cell.setCellValue(time);
            cell.setCellStyle(dateTime);
        } else if (value instanceof LocalDate day) {
            cell.setCellValue(day);
            cell.setCellStyle(date);
        } else if (value instanceof Duration length) {
            // Excel keeps a duration as a fraction of days
            cell.setCellValue(length.toMillis() / MILLIS_PER_DAY);
            cell.setCellStyle(duration);
        } else {
            throw new IllegalArgumentException("No cell type for a " + value.getClass().getName());
        }
    }

    private void text(Cell cell, String text) {
        // POI writes strings as string cells, which Excel never evaluates; the quote prefix also keeps a formula-like
        // value text when a user edits the cell, as a typed leading ' would
        cell.setCellValue(cut(text));
        if (FormulaGuard.looksLikeFormula(text)) {
            cell.setCellStyle(guardedText);
        }
    }

    /** Excel holds at most 32,767 characters in a cell (POI throws beyond): one long message must not fail the export. */
    private static String cut(String text) {
        if (text.length() <= MAX_TEXT) {
            return text;
        }
        // never keep half of a surrogate pair, which no reader could decode
        int end = Character.isHighSurrogate(text.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
        return text.substring(0, end);
    }
}
