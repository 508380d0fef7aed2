package nm.cte.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/** Creates the ledger's tables and migrates them, version by version, so that any JDBC database serves as a ledger. */
public final class LedgerSchema {

    /** The migrations in order; version n is the n-th. Never edit one that has shipped: add the next. */
    private static final List<String> MIGRATIONS = List.of("ledger/V1__ledger.sql");

    private LedgerSchema() {
    }

    /** Applies the migrations this database has not had yet; returns its version. */
    public static int migrate(DataSource ledger) throws SQLException {
        try (Connection connection = ledger.getConnection()) {
            connection.setAutoCommit(false);
            int version = version(connection);
            for (int next = version + 1; next <= MIGRATIONS.size(); next++) {
                try (Statement statement = connection.createStatement()) {
                    for (String sql : statements(MIGRATIONS.get(next - 1))) {
                        statement.execute(sql);
                    }
                }
                try (PreparedStatement applied = connection.prepareStatement(
                        "INSERT INTO CTE_LEDGER_VERSION (VERSION, APPLIED) VALUES (?, ?)")) {
                    applied.setInt(1, next);
                    applied.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now()));
                    applied.executeUpdate();
                }
                connection.commit();
            }
            return MIGRATIONS.size();
        }
    }

    private static int version(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "CTE_LEDGER_VERSION", null)) {
            if (!tables.next()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE CTE_LEDGER_VERSION (VERSION INTEGER NOT NULL PRIMARY KEY, APPLIED TIMESTAMP NOT NULL)");
                }
                connection.commit();
                return 0;
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet max = statement.executeQuery("SELECT MAX(VERSION) FROM CTE_LEDGER_VERSION")) {
            max.next();
            return max.getInt(1);
        }
    }

    /** The statements of a migration file: split at semicolons, without comment lines. */
    private static List<String> statements(String resource) {
        try (InputStream in = LedgerSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String withoutComments = text.lines()
                    .map(line -> line.contains("--") ? line.substring(0, line.indexOf("--")) : line)
                    .reduce("", (all, line) -> all + line + "\n");
            return Arrays.stream(withoutComments.split(";")).map(String::strip).filter(sql -> !sql.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
