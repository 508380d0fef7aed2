package nm.cte.export;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;
import nm.cte.ledger.Ledger;
import nm.cte.ledger.LedgerResults;
import nm.cte.ledger.RunOverview;

/** A run's results as the export command writes them (D15), for the command and the publishing page alike. */
public final class RunExport {

    private RunExport() {
    }

    /** The summary of the given run, or of the last one when none is given; empty when the ledger has no such run. */
    public static Optional<RunOverview> overview(Ledger ledger, Long run) throws SQLException {
        OptionalLong number = run != null ? OptionalLong.of(run) : ledger.lastRun();
        return number.isPresent() ? ledger.overview(number.getAsLong()) : Optional.empty();
    }

    /** Writes the run's records as .xlsx or .csv, as the file's name says (see {@link Exports#write}). */
    public static void write(Ledger ledger, RunOverview overview, Path file) throws SQLException, IOException {
        try (LedgerResults rows = ledger.results(overview.runNumber())) {
            Exports.write(file, overview, rows);
        }
    }
}
