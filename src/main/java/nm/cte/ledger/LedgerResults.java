package nm.cte.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** A run's result rows straight from the ledger's cursor, so that an export of any size holds one row at a time. */
public final class LedgerResults implements Iterator<ResultRow>, AutoCloseable {

    private final Connection connection;
    private final ResultSet rows;
    /** The ledger's URL as messages show it, so that a failure while reading names the ledger, not PowerSchool. */
    private final String url;
    private Boolean hasNext;

    LedgerResults(Connection connection, ResultSet rows, String url) {
        this.connection = connection;
        this.rows = rows;
        this.url = url;
    }

    @Override
    public boolean hasNext() {
        if (hasNext == null) {
            try {
                hasNext = rows.next();
            } catch (SQLException e) {
                throw new IllegalStateException(new LedgerException(url, e));
            }
        }
        return hasNext;
    }

    @Override
    public ResultRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        hasNext = null;
        try {
            return Ledger.resultRow(rows);
        } catch (SQLException e) {
            throw new IllegalStateException(new LedgerException(url, e));
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
