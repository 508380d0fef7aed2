package nm.cte.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A run's result rows (D15) a page at a time, filtered as a person works through them: the publishing page's lists of
 * Published, Dependencies, Errors and Data Exceptions. Every value is a bound parameter; '*' stands for any.
 */
public final class ResultPages {

    private static final String WHERE = " FROM CTE_RESULT WHERE RUN_NUMBER = ?"
            + " AND (? = '*' OR STATUS = ?)"
            + " AND (? = '*' OR REASON = ?)"
            + " AND (? = '*' OR SCHOOL_NAME = ?)"
            + " AND (? = '*' OR UPPER(STUDENT_NAME) LIKE ? ESCAPE '!' OR STATE_STUDENT_NUMBER = ? OR STUDENT_NUMBER = ?)";

    private final DataSource db;

    public ResultPages(DataSource db) {
        this.db = db;
    }

    /** The rows of one page, in the order the run recorded them. */
    public List<ResultRow> page(long run, ResultFilter filter, int offset, int size) throws SQLException {
        List<ResultRow> page = new ArrayList<>(size);
        try (Connection connection = db.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + Ledger.RESULT_COLUMNS + WHERE
                     + " ORDER BY SEQ OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            int next = bind(select, run, filter);
            select.setInt(next++, offset);
            select.setInt(next, size);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    page.add(Ledger.resultRow(rows));
                }
            }
        }
        return page;
    }

    /** How many rows the filter lets through. */
    public long count(long run, ResultFilter filter) throws SQLException {
        try (Connection connection = db.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COUNT(*)" + WHERE)) {
            bind(select, run, filter);
            try (ResultSet count = select.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    /** The names of the schools the run's rows name, for a choice of school. */
    public List<String> schools(long run) throws SQLException {
        List<String> schools = new ArrayList<>();
        try (Connection connection = db.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT DISTINCT SCHOOL_NAME FROM CTE_RESULT WHERE RUN_NUMBER = ?"
                     + " AND SCHOOL_NAME IS NOT NULL ORDER BY SCHOOL_NAME")) {
            select.setLong(1, run);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    schools.add(rows.getString(1));
                }
            }
        }
        return schools;
    }

    /** Binds the run and the filter; returns the index of the next parameter. */
    private static int bind(PreparedStatement select, long run, ResultFilter filter) throws SQLException {
        int i = 1;
        select.setLong(i++, run);
        i = either(select, i, filter.status());
        i = either(select, i, filter.reason());
        i = either(select, i, filter.school());
        select.setString(i++, filter.search() == null ? "*" : filter.search());
        select.setString(i++, filter.search() == null ? "" : filter.namePattern());
        select.setString(i++, filter.search() == null ? "" : filter.search());
        select.setLong(i++, filter.search() == null ? -1 : filter.studentNumber());
        return i;
    }

    private static int either(PreparedStatement select, int index, String value) throws SQLException {
        select.setString(index, value == null ? "*" : value);
        select.setString(index + 1, value == null ? "" : value);
        return index + 2;
    }
}
