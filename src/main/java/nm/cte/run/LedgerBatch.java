package nm.cte.run;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import nm.cte.ledger.ResultRow;
import nm.cte.ledger.Ledger;
import nm.cte.ledger.LedgerRecord;

/**
 * The ledger writes of one run, made while the run goes on by a writer of their own (a thread of Camel's "ledger"
 * pool): what is pending goes in one transaction once two thousand results wait or a fifth of a second has passed.
 * The threads that send never wait for the database unless the writer falls far behind, and the run's end writes only
 * what came last. A crash loses at most what was not written yet, which the next run sends again as upserts (spec
 * section 6).
 */
final class LedgerBatch {

    static final int SIZE = 2000;
    /** Beyond this many unwritten results the threads that record wait for the writer: memory stays bounded. */
    private static final int MOST_PENDING = 4 * SIZE;
    private static final long LINGER_MILLIS = 200;
    /** A writer that has not taken a single batch in this long is stuck: the run fails rather than wait for ever. */
    static final long STUCK_MILLIS = TimeUnit.MINUTES.toMillis(2);

    private final Ledger ledger;
    private final long run;
    private final int schoolYear;
    private final Executor threads;
    private List<LedgerRecord> created = new ArrayList<>();
    private List<LedgerRecord> changed = new ArrayList<>();
    private List<ResultRow> results = new ArrayList<>();
    private int taken;
    private boolean writing;
    private boolean flushing;
    private boolean written;
    private SQLException failure;

    /**
     * @param ledger  the ledger, or null for a dry run, which changes nothing
     * @param threads where the writer runs
     */
    LedgerBatch(Ledger ledger, long run, int schoolYear, Executor threads) {
        this.ledger = ledger;
        this.run = run;
        this.schoolYear = schoolYear;
        this.threads = threads;
    }

    /**
     * @param record what the ledger learns of the record, or null when there is nothing to learn
     * @param known  whether the ledger had the record when the run started
     */
    synchronized void add(LedgerRecord record, boolean known, ResultRow result) throws SQLException {
        if (ledger == null) {
            return;
        }
        long stuckAt = System.currentTimeMillis() + STUCK_MILLIS;
        while (results.size() >= MOST_PENDING && failure == null && !written) {
            long left = stuckAt - System.currentTimeMillis();
            if (left <= 0) {
                failure = new SQLException("the ledger's writer of run " + run + " made no room in " + STUCK_MILLIS / 1000
                        + " s while " + results.size() + " results waited to be written");
            } else {
                await(left);
            }
        }
        if (failure != null) {
            throw failure;
        }
        if (written) {
            // the run's end has been written, and a send that was in flight when a failure stopped the run was answered
            // since: what the ODS now holds is recorded at once, on this thread (spec section 6)
            ledger.write(run, schoolYear, record != null && !known ? List.of(record) : List.of(),
                    record != null && known ? List.of(record) : List.of(), List.of(result), taken++);
            return;
        }
        if (record != null) {
            (known ? changed : created).add(record);
        }
        results.add(result);
        if (!writing) {
            writing = true;
            try {
                threads.execute(this::writeWhilePending);
            } catch (RejectedExecutionException e) {
                written = true;
                failure = new SQLException("the ledger's writer of run " + run + " could not start: the publisher is stopping", e);
                throw failure;
            }
        } else if (results.size() == SIZE) {
            notifyAll();
        }
    }

    /** Waits for the writer to write everything; a write that failed fails here, so that the run cannot end well. */
    synchronized void flush() throws SQLException {
        if (ledger == null || !writing) {
            return;
        }
        flushing = true;
        notifyAll();
        while (!written) {
            await(0);
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The writer: a transaction of what is pending, again and again, until the run flushes and none is left. */
    private void writeWhilePending() {
        boolean allWritten = false;
        try {
            Batch batch;
            while ((batch = nextBatch()) != null) {
                ledger.write(run, schoolYear, batch.created(), batch.changed(), batch.results(), batch.firstSeq());
            }
            allWritten = true;
        } catch (SQLException | RuntimeException e) {
            synchronized (this) {
                failure = e instanceof SQLException sql ? sql : new SQLException("the ledger could not be written: " + e, e);
            }
        } finally {
            // whatever ends the writer, the run learns it: nobody is left waiting for it, and an end that is not the
            // run's (an Error) is a failure too
            synchronized (this) {
                if (!allWritten && failure == null) {
                    failure = new SQLException("the ledger's writer of run " + run + " ended before the run did");
                }
                written = true;
                notifyAll();
            }
        }
    }

    /** What is pending once two thousand results wait, the run flushes, or the linger is over; null: nothing more. */
    private synchronized Batch nextBatch() {
        long lingerUntil = System.currentTimeMillis() + LINGER_MILLIS;
        while (!flushing && results.size() < SIZE) {
            long left = lingerUntil - System.currentTimeMillis();
            if (left <= 0 && !results.isEmpty()) {
                break;
            }
            await(Math.max(1, left));
            if (left <= 0) {
                lingerUntil = System.currentTimeMillis() + LINGER_MILLIS;
            }
        }
        if (results.isEmpty()) {
            return null;
        }
        Batch batch = take();
        notifyAll();
        return batch;
    }

    private void await(long millis) {
        try {
            wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the ledger was written", e);
        }
    }

    /** What is pending, and the sequence number of its first result row. */
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
}
