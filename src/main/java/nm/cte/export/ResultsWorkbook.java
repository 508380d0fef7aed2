package nm.cte.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import nm.cte.ledger.ResultRow;
import nm.cte.ledger.RunOverview;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Writes a run's summary and records as an Excel workbook, streaming, so that a million records never sit in memory. */
public final class ResultsWorkbook {

    /** Rows of a sheet kept in memory; older ones are flushed to a temporary file. */
    private static final int WINDOW = 100;

    private ResultsWorkbook() {
    }

    /**
     * Writes the "Summary" sheet, then the records on "Records" (and "Records 2"… past Excel's 1,048,576 rows), and
     * replaces {@code out} only once all is written.
     */
    public static void write(Path out, RunOverview overview, Iterator<ResultRow> rows) throws IOException {
        write(out, overview, rows, SpreadsheetVersion.EXCEL2007.getMaxRows());
    }

    /** As above with the rows a sheet may hold, header included, given: tests need not write a million. */
    static void write(Path out, RunOverview overview, Iterator<ResultRow> rows, int rowsPerSheet) throws IOException {
        // since POI 5.3 close() also deletes the temporary files of flushed rows (dispose() is deprecated)
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
            // flushed rows are plain XML, most of a gigabyte for a million records: compressed, a small part of that
            workbook.setCompressTempFiles(true);
            Cells cells = new Cells(workbook);
            SummarySheet.write(workbook, cells, overview);
            new RecordSheets(workbook, cells, rowsPerSheet).write(rows);
            AtomicFile.write(out, workbook::write);
        }
    }
}
