package nm.cte.run;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import nm.cte.export.ResultRow;
import nm.cte.ledger.Ledger;
import nm.cte.ledger.LedgerRecord;

/**
 * The ledger writes of one run, a few hundred at a time in one transaction each: fast enough for any district, and a
 * crash loses at most the last batch, which the next run sends again as upserts (spec section 6).
 */
final class LedgerBatch {

    static final int SIZE = 500;

    private final Ledger ledger;
    private final long run;
    private final int schoolYear;
    private final List<LedgerRecord> records = new ArrayList<>();
    private final List<ResultRow> results = new ArrayList<>();
    private int written;

    /** @param ledger the ledger, or null for a dry run, which changes nothing */
    LedgerBatch(Ledger ledger, long run, int schoolYear) {
        this.ledger = ledger;
        this.run = run;
        this.schoolYear = schoolYear;
    }

    /** @param record what the ledger learns of the record, or null when there is nothing to learn */
    synchronized void add(LedgerRecord record, ResultRow result) throws SQLException {
        if (ledger == null) {
            return;
        }
        if (record != null) {
            records.add(record);
        }
        results.add(result);
        if (results.size() >= SIZE) {
            flush();
        }
    }

    synchronized void flush() throws SQLException {
        if (ledger == null || results.isEmpty()) {
            return;
        }
        ledger.write(run, schoolYear, records, results, written);
        written += results.size();
        records.clear();
        results.clear();
    }
}
