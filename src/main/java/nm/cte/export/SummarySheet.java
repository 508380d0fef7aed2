package nm.cte.export;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import nm.cte.ledger.RunOverview;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** Lays out the "Summary" sheet: what the run was, how it ended, and how many records had each status and reason. */
final class SummarySheet {

    private static final String NAME = "Summary";
    private static final int[] WIDTHS = {24, 40, 18, 12};

    private final Sheet sheet;
    private final Cells cells;
    private int next;

    private SummarySheet(Sheet sheet, Cells cells) {
        this.sheet = sheet;
        this.cells = cells;
    }

    static void write(Workbook workbook, Cells cells, RunOverview overview) {
        Sheet sheet = workbook.createSheet(NAME);
        for (int column = 0; column < WIDTHS.length; column++) {
            sheet.setColumnWidth(column, WIDTHS[column] * 256);
        }
        new SummarySheet(sheet, cells).write(overview);
    }

    private void write(RunOverview overview) {
        cells.title(sheet.createRow(next), "Student CTE Programs: run " + overview.runNumber());
        next += 2;
        Duration duration = overview.started() == null || overview.ended() == null ? null
                : Duration.between(overview.started(), overview.ended());
        Object[][] lines = {
            {"Run", overview.runNumber()},
            {"Mode", overview.mode()},
            {"Selection", overview.selection()},
            {"School year", overview.schoolYear()},
            {"Started", overview.started()},
            {"Ended", overview.ended()},
            {"Duration", duration},
            {"Outcome", overview.outcome()},
        };
        for (Object[] line : lines) {
            Row row = sheet.createRow(next++);
            cells.header(row, 0, (String) line[0]);
            cells.value(row, 1, line[1]);
        }
        next++;
        table("By status", List.of("Status", "Records"), overview.byStatus(),
                count -> new Object[] {count.name(), count.count()});
        next++;
        table("By reason", List.of("Reason", "Rule", "Status", "Records"), overview.byReason(),
                count -> new Object[] {count.name(), count.rule(), count.status(), count.count()});
    }

    private void table(String caption, List<String> headers, List<RunOverview.Count> counts,
            Function<RunOverview.Count, Object[]> values) {
        cells.header(sheet.createRow(next++), 0, caption);
        Row header = sheet.createRow(next++);
        for (int column = 0; column < headers.size(); column++) {
            cells.header(header, column, headers.get(column));
        }
        for (RunOverview.Count count : counts) {
            Row row = sheet.createRow(next++);
            Object[] line = values.apply(count);
            for (int column = 0; column < line.length; column++) {
                cells.value(row, column, line[column]);
            }
        }
    }
}
