package nm.cte.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import nm.cte.ledger.LedgerException;
import org.junit.jupiter.api.Test;

class FailureReasonTest {

    @Test
    void aDatabaseFailureOfARunReadingPowerSchoolNamesPowerSchoolByItsUrlWithoutPassword() {
        Exception failure = new IllegalStateException(new SQLTransientConnectionException("powerschool - Connection is not available\nmore"));

        assertEquals("cannot read the PowerSchool database jdbc:oracle:thin:scott/****@//ps:1521/PS: powerschool - Connection is not available",
                FailureReason.oneLine(failure, "jdbc:oracle:thin:scott/tiger@//ps:1521/PS"));
    }

    @Test
    void theLedgerFailingUnderAnotherExceptionIsNamedAsTheLedger() {
        Exception failure = new IllegalStateException(new LedgerException("jdbc:h2:./data/cte-ledger", new SQLException("Connection is broken")));

        assertEquals("cannot use the ledger database jdbc:h2:./data/cte-ledger: Connection is broken",
                FailureReason.oneLine(failure, "jdbc:h2:./data/demo"));
    }

    @Test
    void aDatabaseFailureOfACommandThatReadsNoPowerSchoolDoesNotBlamePowerSchool() {
        SQLException cause = new SQLException("Connection is broken");

        assertEquals("the run could not complete: " + cause, FailureReason.oneLine(new IllegalStateException(cause), null));
    }

    @Test
    void aRunStoppedByTheProcessStoppingSaysSoWithoutAnExceptionName() {
        Exception failure = new IllegalStateException(new RunStoppedException("the publisher is shutting down"));

        assertEquals("the publisher is shutting down", FailureReason.oneLine(failure, "jdbc:h2:./data/demo"));
    }
}
