package nm.cte.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import nm.cte.ledger.ResultRow;
import nm.cte.ledger.RunOverview;

/** Writes a run's results in the format the output file's name asks for: .xlsx or .csv. */
public final class Exports {

    private Exports() {
    }

    /**
     * Writes a workbook for a name ending in .xlsx, a CSV of the records for .csv (in any case).
     *
     * @throws IllegalArgumentException for any other name, before anything is written
     */
    public static void write(Path out, RunOverview overview, Iterator<ResultRow> rows) throws IOException {
        String name = String.valueOf(out.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            ResultsWorkbook.write(out, overview, rows);
        } else if (name.endsWith(".csv")) {
            ResultsCsv.write(out, rows);
        } else {
            throw new IllegalArgumentException("Cannot export to " + out + ": the file name must end in .xlsx or .csv");
        }
    }
}
