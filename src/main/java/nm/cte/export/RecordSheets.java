package nm.cte.export;

import java.util.Iterator;
import nm.cte.ledger.ResultRow;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/** Lays a run's records out on as many "Records" sheets as Excel's row limit needs, each a frozen, filtered table. */
final class RecordSheets {

    private static final String NAME = "Records";
    private static final Column[] COLUMNS = Column.values();

    private final Workbook workbook;
    private final Cells cells;
    private final int rowsPerSheet;

    /** {@code rowsPerSheet} counts the header row too. */
    RecordSheets(Workbook workbook, Cells cells, int rowsPerSheet) {
        if (rowsPerSheet < 2) {
            throw new IllegalArgumentException("A sheet must hold its header and at least one record, not "
                    + rowsPerSheet + " rows");
        }
        this.workbook = workbook;
        this.cells = cells;
        this.rowsPerSheet = rowsPerSheet;
    }

    void write(Iterator<ResultRow> rows) {
        int sheets = 1;
        Sheet sheet = start(NAME);
        int next = 1;
        while (rows.hasNext()) {
            // a new sheet only when a record is left over, so that a full sheet is not followed by an empty one
            if (next == rowsPerSheet) {
                finish(sheet, next);
                sheet = start(NAME + " " + ++sheets);
                next = 1;
            }
            ResultRow record = rows.next();
            Row row = sheet.createRow(next++);
            for (Column column : COLUMNS) {
                cells.value(row, column.ordinal(), column.of(record));
            }
        }
        finish(sheet, next);
    }

    private Sheet start(String name) {
        Sheet sheet = workbook.createSheet(name);
        Row header = sheet.createRow(0);
        for (Column column : COLUMNS) {
            sheet.setColumnWidth(column.ordinal(), column.width() * 256);
            cells.header(header, column.ordinal(), column.header());
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    /** The filter's range is known only once the sheet is full; POI keeps it with the sheet's settings, not its rows. */
    private static void finish(Sheet sheet, int rows) {
        sheet.setAutoFilter(new CellRangeAddress(0, rows - 1, 0, COLUMNS.length - 1));
    }
}
