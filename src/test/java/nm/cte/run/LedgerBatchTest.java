package nm.cte.run;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import nm.cte.export.ResultRow;
import nm.cte.ledger.Ledger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class LedgerBatchTest {

    @Test
    void aLedgerThatCannotBeWrittenFailsTheRunWhenItEnds() throws SQLException {
        JdbcDataSource gone = new JdbcDataSource();
        gone.setURL("jdbc:h2:mem:ledger-never-created;IFEXISTS=TRUE");
        LedgerBatch writes = new LedgerBatch(new Ledger(gone, "jdbc:h2:mem:ledger-never-created", 1, java.time.Duration.ofSeconds(90)), 1, 2027, Runnable::run);

        writes.add(null, false, new ResultRow(null, null, null, null, "CTE", null, null, null, null, "EXCLUDED", null, null, null, null));

        assertThrows(SQLException.class, writes::flush);
    }
}
