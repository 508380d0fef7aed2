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
    /** The version of the newest migration in {@link #MIGRATIONS}: a ledger whose history has it needs none. */
    static final int NEWEST_VERSION = 4;

    private LedgerSchema() {
    }

    /**
     * Applies the migrations this database has not had yet.
     *
     * @param url the ledger's URL as messages show it
     */
    public static void migrate(DataSource ledger, String url) throws LedgerException {
        if (upToDate(ledger)) {
            return;
        }
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

    /**
     * Whether Flyway's history already holds the newest version, every migration applied: the ledger of every run but
     * the first after an upgrade. One query then, where Flyway (400 classes, its scan and validation) took a good part
     * of each start. Anything else (no history, a failed or a newer migration) is Flyway's to handle and to say.
     */
    private static boolean upToDate(DataSource ledger) {
        try (Connection connection = ledger.getConnection();
             Statement statement = connection.createStatement();
             ResultSet history = statement.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\"")) {
            int newest = 0;
            while (history.next()) {
                if (!history.getBoolean(2)) {
                    return false;
                }
                String version = history.getString(1);
                if (version != null) {
                    newest = Math.max(newest, Integer.parseInt(version));
                }
            }
            return newest == NEWEST_VERSION;
        } catch (SQLException | NumberFormatException notYet) {
            return false;
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
