package nm.cte.run;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import nm.cte.export.ResultRow;
import nm.cte.ledger.Ledger;
import nm.cte.ledger.LedgerRecord;

/**
 * The ledger writes of one run, two thousand at a time in one transaction each: fast enough for any district, and a
 * crash loses at most the last batch, which the next run sends again as upserts (spec section 6).
 */
final class LedgerBatch {

    static final int SIZE = 2000;

    private final Ledger ledger;
    private final long run;
    private final int schoolYear;
    /** Serialises the batches' transactions, so that the threads adding records never wait for the database. */
    private final Object writing = new Object();
    private List<LedgerRecord> created = new ArrayList<>();
    private List<LedgerRecord> changed = new ArrayList<>();
    private List<ResultRow> results = new ArrayList<>();
    private int taken;

    /** @param ledger the ledger, or null for a dry run, which changes nothing */
    LedgerBatch(Ledger ledger, long run, int schoolYear) {
        this.ledger = ledger;
        this.run = run;
        this.schoolYear = schoolYear;
    }

    /**
     * @param record what the ledger learns of the record, or null when there is nothing to learn
     * @param known  whether the ledger had the record when the run started
     */
    void add(LedgerRecord record, boolean known, ResultRow result) throws SQLException {
        if (ledger == null) {
            return;
        }
        Batch full = null;
        synchronized (this) {
            if (record != null) {
                (known ? changed : created).add(record);
            }
            results.add(result);
            if (results.size() >= SIZE) {
                full = take();
            }
        }
        if (full != null) {
            write(full);
        }
    }

    void flush() throws SQLException {
        if (ledger == null) {
            return;
        }
        Batch last;
        synchronized (this) {
            last = take();
        }
        write(last);
    }

    /** A batch and the sequence number of its first result row. */
    private record Batch(List<LedgerRecord> created, List<LedgerRecord> changed, List<ResultRow> results, int firstSeq) {
    }

    private Batch take() {
        Batch batch = new Batch(created, changed, results, taken);
        taken += results.size();
        created = new ArrayList<>();
        changed = new ArrayList<>();
        results = new ArrayList<>();
        return batch;
    }

    private void write(Batch batch) throws SQLException {
        if (batch.results().isEmpty()) {
            return;
        }
        synchronized (writing) {
            ledger.write(run, schoolYear, batch.created(), batch.changed(), batch.results(), batch.firstSeq());
        }
    }
}
