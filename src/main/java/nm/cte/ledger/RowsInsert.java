package nm.cte.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * Inserts many rows with one statement of many VALUES rows, batched: a database parses and plans a statement once
 * however many rows it carries, which makes the ledger's writes several times cheaper. Oracle before 23ai takes one
 * row a statement.
 */
final class RowsInsert<T> {

    /** Binds one row's parameters from the given index on; returns the index after its last. */
    interface Binder<T> {
        int bind(PreparedStatement statement, int index, T row) throws SQLException;
    }

    private static final int MOST_ROWS = 50;

    private final String insertInto;
    private final int columns;
    private final Binder<T> binder;

    /** @param insertInto "INSERT INTO table (columns)" */
    RowsInsert(String insertInto, int columns, Binder<T> binder) {
        this.insertInto = insertInto;
        this.columns = columns;
        this.binder = binder;
    }

    void insert(Connection connection, List<T> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        int perStatement = connection.getMetaData().getDatabaseProductName().startsWith("Oracle")
                && connection.getMetaData().getDatabaseMajorVersion() < 23 ? 1 : MOST_ROWS;
        int whole = rows.size() / perStatement * perStatement;
        execute(connection, rows.subList(0, whole), perStatement);
        execute(connection, rows.subList(whole, rows.size()), rows.size() - whole);
    }

    private void execute(Connection connection, List<T> rows, int perStatement) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(statement(perStatement))) {
            for (int first = 0; first < rows.size(); first += perStatement) {
                int index = 1;
                for (T row : rows.subList(first, first + perStatement)) {
                    index = binder.bind(insert, index, row);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private String statement(int rows) {
        String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        return insertInto + " VALUES " + String.join(", ", Collections.nCopies(rows, row));
    }
}
