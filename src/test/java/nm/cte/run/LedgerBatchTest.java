package nm.cte.run;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import nm.cte.ledger.ResultRow;
import nm.cte.ledger.Ledger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class LedgerBatchTest {

    private static final ResultRow EXCLUDED = new ResultRow(null, null, null, null, "CTE", null, null, null, null, "EXCLUDED", null,
            null, null, null);

    @Test
    void aLedgerThatCannotBeWrittenFailsTheRunWhenItEnds() throws SQLException {
        JdbcDataSource gone = new JdbcDataSource();
        gone.setURL("jdbc:h2:mem:ledger-never-created;IFEXISTS=TRUE");
        LedgerBatch writes = new LedgerBatch(new Ledger(gone, "jdbc:h2:mem:ledger-never-created", 1, Duration.ofSeconds(90)), 1, 2027,
                Runnable::run);

        writes.add(null, false, EXCLUDED);

        assertThrows(SQLException.class, writes::flush);
    }

    @Test
    void aWriterThatDiedFailsTheRecordingThreadsInsteadOfKeepingThemWaiting() {
        // the writer's thread ends with an Error (out of memory, say), not with an SQLException it could report
        DataSource dying = (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> {
                    throw new OutOfMemoryError("the writer died");
                });
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try {
            LedgerBatch writes = new LedgerBatch(new Ledger(dying, "dying ledger", 1, Duration.ofSeconds(90)), 1, 2027, threads);

            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(SQLException.class, () -> {
                // far more than the writer may fall behind by: without a writer, these would wait for ever
                for (int i = 0; i < 10 * LedgerBatch.SIZE; i++) {
                    writes.add(null, false, EXCLUDED);
                }
            }));
        } finally {
            threads.shutdownNow();
        }
    }
}
