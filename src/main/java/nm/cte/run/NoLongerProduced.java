package nm.cte.run;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import nm.cte.ledger.Ledger;
import nm.cte.ledger.LedgerRecord;

/**
 * D13's pass over the ledger: the records the ODS holds of the school year, within the run's selection, that the run
 * no longer produced, and how many of the year's records the ODS holds, the measure of the mass-delete guard. A run of
 * the whole district reads the year's ledger once, a record at a time; a selective run reads only its selection's
 * records, by index, and leaves the year's to a count in the database, to the same numbers.
 */
final class NoLongerProduced {

    private final Run run;
    private final List<LedgerRecord> records;
    /** Records of the year the ODS holds that the pass counted itself. */
    private final long inOdsCounted;
    /** Whether the database counts the year's other records the ODS holds (a selective run's pass). */
    private final boolean restInDatabase;

    private NoLongerProduced(Run run, List<LedgerRecord> records, long inOdsCounted, boolean restInDatabase) {
        this.run = run;
        this.records = records;
        this.inOdsCounted = inOdsCounted;
        this.restInDatabase = restInDatabase;
    }

    static NoLongerProduced of(Run run) throws SQLException {
        return run.options().isSelective() ? ofSelection(run) : ofYear(run);
    }

    /**
     * The year's ledger read once more, a record at a time, as the run found it: what the run wrote itself it produced
     * (LAST_RUN), and a record it produced counts from what the ledger said of it when its batch asked. Only what is
     * gone is kept.
     */
    private static NoLongerProduced ofYear(Run run) throws SQLException {
        List<LedgerRecord> gone = new ArrayList<>();
        long[] inOds = {run.producedInOds()};
        run.ledger().eachRecordBefore(run.number(), run.schoolYear().endingYear(), record -> {
            if (record.isInOds() && !run.produced(record.naturalKey())) {
                inOds[0]++;
                gone.add(record);
            }
        });
        return new NoLongerProduced(run, gone, inOds[0], false);
    }

    /**
     * A selective run's: its selection's records, read by index. The database's count of the year's records the ODS
     * holds takes in those the run produced, which the guard counts once, as the ledger had them when the batches
     * asked (producedInOds): those the pass reads are taken off as they come, and those the run produced under a
     * ledger row outside its selection are looked up by key and taken off too.
     */
    private static NoLongerProduced ofSelection(Run run) throws SQLException {
        RunOptions options = run.options();
        Ledger ledger = run.ledger();
        long number = run.number();
        int year = run.schoolYear().endingYear();
        List<LedgerRecord> gone = new ArrayList<>();
        long[] producedInCount = {0};
        // the ledger's SQL finds the selection's records; its rule (RunOptions#selects) decides
        Consumer<LedgerRecord> each = record -> {
            if (record.isInOds() && options.selects(record)) {
                if (run.produced(record.naturalKey())) {
                    producedInCount[0]++;
                } else {
                    gone.add(record);
                }
            }
        };
        if (options.school() != null) {
            ledger.eachRecordOfSchoolBefore(number, year, options.school(), each);
        } else {
            ledger.eachRecordOfStudentBefore(number, year, options.student(), options.selectedStudentNumber(), each);
        }
        for (LedgerRecord record : ledger.recordsBefore(number, year, run.producedOutsideSelection())) {
            if (record.isInOds() && !options.selects(record)) {
                producedInCount[0]++;
            }
        }
        return new NoLongerProduced(run, gone, run.producedInOds() - producedInCount[0], true);
    }

    /** What the run no longer produced of the records the ODS holds, within its selection. */
    List<LedgerRecord> records() {
        return records;
    }

    /**
     * How many records of the year the ODS holds, those the run produced among them: exact below {@code enough}, at
     * least {@code enough} otherwise (the database counts no further than the guard needs).
     */
    long inOds(long enough) throws SQLException {
        if (!restInDatabase) {
            return inOdsCounted;
        }
        return inOdsCounted + run.ledger().countInOdsBefore(run.number(), run.schoolYear().endingYear(), enough - inOdsCounted);
    }
}
