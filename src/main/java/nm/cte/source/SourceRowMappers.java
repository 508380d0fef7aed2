package nm.cte.source;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.component.sql.DefaultRowMapperFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Makes each row of a PowerSchool query a map from its column's upper-case label to its value, the labels read once a
 * query. Spring's own mapper reads the result's metadata again on every row and keeps a case-insensitive map, which
 * lower-cases the key of every put and every get: a large share of the cost of reading a big district.
 */
public final class SourceRowMappers extends DefaultRowMapperFactory {

    @Override
    public RowMapper<Map<String, Object>> newColumnRowMapper() {
        return new Columns();
    }

    /** One query's rows; the values as Spring reads them, so that every driver's types come out as they did. */
    private static final class Columns implements RowMapper<Map<String, Object>> {

        private String[] labels;

        @Override
        public Map<String, Object> mapRow(ResultSet rows, int rowNumber) throws SQLException {
            if (labels == null) {
                labels = labels(rows.getMetaData());
            }
            Map<String, Object> row = new HashMap<>(labels.length * 4 / 3 + 1);
            for (int column = 1; column <= labels.length; column++) {
                row.put(labels[column - 1], JdbcUtils.getResultSetValue(rows, column));
            }
            return row;
        }

        private static String[] labels(ResultSetMetaData columns) throws SQLException {
            String[] labels = new String[columns.getColumnCount()];
            for (int column = 1; column <= labels.length; column++) {
                labels[column - 1] = JdbcUtils.lookupColumnName(columns, column).toUpperCase(Locale.ROOT);
            }
            return labels;
        }
    }
}
