package nm.cte.ledger;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Creates the ledger's tables and migrates them with Flyway, version by version ({@code src/main/resources/ledger/},
 * portable SQL for H2, PostgreSQL and Oracle). A ledger made before Flyway, which counted its versions in
 * {@code CTE_LEDGER_VERSION}, is taken over at the version it had.
 */
public final class LedgerSchema {

    /** Where the migrations are: never edit one that has shipped, add the next. */
    private static final String MIGRATIONS = "classpath:ledger";
    /** The table of the hand-written migrator Flyway replaced: its highest version is where Flyway starts. */
    private static final String FORMER_VERSIONS = "CTE_LEDGER_VERSION";

    private LedgerSchema() {
    }

    /**
     * Applies the migrations this database has not had yet.
     *
     * @param url the ledger's URL as messages show it
     */
    public static void migrate(DataSource ledger, String url) throws LedgerException {
        try {
            FluentConfiguration configuration = Flyway.configure(LedgerSchema.class.getClassLoader())
                    .dataSource(ledger)
                    .locations(MIGRATIONS);
            OptionalInt former = formerVersion(ledger);
            if (former.isPresent()) {
                // no history of Flyway's yet: the tables are there, Flyway counts them as the version they were
                configuration.baselineOnMigrate(true)
                        .baselineVersion(Integer.toString(former.getAsInt()))
                        .baselineDescription(FORMER_VERSIONS + " " + former.getAsInt());
            }
            configuration.load().migrate();
        } catch (FlywayException | SQLException e) {
            throw new LedgerException(url, e);
        }
    }

    /** The version the hand-written migrator left, if this ledger is one of its. */
    private static OptionalInt formerVersion(DataSource ledger) throws SQLException {
        try (Connection connection = ledger.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            String table = metadata.storesLowerCaseIdentifiers() ? FORMER_VERSIONS.toLowerCase(java.util.Locale.ROOT) : FORMER_VERSIONS;
            try (ResultSet tables = metadata.getTables(null, connection.getSchema(), table, null)) {
                if (!tables.next()) {
                    return OptionalInt.empty();
                }
            }
            try (Statement statement = connection.createStatement();
                 ResultSet max = statement.executeQuery("SELECT MAX(VERSION) FROM " + FORMER_VERSIONS)) {
                max.next();
                return OptionalInt.of(max.getInt(1));
            }
        }
    }
}
