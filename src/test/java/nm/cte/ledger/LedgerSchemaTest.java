package nm.cte.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nm.cte.Postgres;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The ledger's migrations under Flyway: a new ledger on H2 and PostgreSQL, and a ledger of the former migrator taken over. */
class LedgerSchemaTest {

    private static JdbcDataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:schema-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    @Test
    void aLedgerOfTheFormerMigratorIsTakenOverWithEverythingItHeld() throws Exception {
        JdbcDataSource db = h2();
        // the ledger as the hand-written migrator left it: version 1 and its record of it, with a run and a record
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            String v1 = new String(LedgerSchemaTest.class.getResourceAsStream("/ledger/V1__ledger.sql").readAllBytes(), StandardCharsets.UTF_8);
            statement.execute(v1);
            statement.execute("CREATE TABLE CTE_LEDGER_VERSION (VERSION INTEGER NOT NULL PRIMARY KEY, APPLIED TIMESTAMP NOT NULL)");
            statement.execute("INSERT INTO CTE_LEDGER_VERSION VALUES (1, CURRENT_TIMESTAMP)");
            statement.execute("INSERT INTO CTE_RUN (RUN_NUMBER, SCHOOL_YEAR, MODE, STARTED, OUTCOME) VALUES (7, 2027, 'CHANGES', CURRENT_TIMESTAMP, 'COMPLETED')");
            statement.execute("INSERT INTO CTE_RECORD (SCHOOL_YEAR, NATURAL_KEY, RESOURCE_ID, STATUS, LAST_RUN, STUDENT_UNIQUE_ID) VALUES (2027, 'k1', 'ods-1', 'PUBLISHED', 7, '100000001')");
        }

        LedgerSchema.migrate(db, "test ledger");

        Ledger ledger = new Ledger(db, "test ledger", 30, Duration.ofSeconds(90));
        assertEquals("ods-1", ledger.records(2027, List.of("100000001")).get("k1").resourceId());
        assertEquals(8, ledger.startRun(2027, "CHANGES", null, null), "the next run follows the ledger's last");
        assertEquals(List.of("1 BASELINE", "2 SQL", "3 SQL", "4 SQL"), history(db));
    }

    @Test
    void aNewLedgerOnH2GetsEveryVersionAndAMigratedOneIsLeftAlone() throws Exception {
        JdbcDataSource db = h2();

        LedgerSchema.migrate(db, "test ledger");
        LedgerSchema.migrate(db, "test ledger");

        assertEquals(List.of("1 SQL", "2 SQL", "3 SQL", "4 SQL"), history(db));
    }

    @Test
    void aLedgerAtTheNewestVersionIsOpenedWithoutFlyway() throws Exception {
        JdbcDataSource db = h2();
        LedgerSchema.migrate(db, "test ledger");
        // Flyway would refuse this ledger (a migration that changed after it was applied): only Flyway reads checksums
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("UPDATE \"flyway_schema_history\" SET \"checksum\" = 42 WHERE \"version\" = '1'");
        }

        LedgerSchema.migrate(db, "test ledger");

        assertEquals(List.of("1 SQL", "2 SQL", "3 SQL", "4 SQL"), history(db));
    }

    @Test
    void theNewestVersionIsThatOfTheNewestMigration() throws Exception {
        int newest;
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(LedgerSchemaTest.class.getResource("/ledger").toURI()))) {
            newest = files.map(file -> file.getFileName().toString()).filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))).max().orElseThrow();
        }

        assertEquals(newest, LedgerSchema.NEWEST_VERSION);
    }

    @Test
    void aNewLedgerOnPostgresqlKeepsRecordsAndRuns() throws Exception {
        DataSource db = Postgres.dataSource(Postgres.freshDatabase());

        LedgerSchema.migrate(db, "test ledger");

        Ledger ledger = new Ledger(db, "test ledger", 30, Duration.ofSeconds(90));
        long run = ledger.startRun(2027, "CHANGES", "school 100", null);
        LedgerRecord record = new LedgerRecord("k1", "hash", "ods-1", "PUBLISHED", null, null, java.time.LocalDateTime.of(2026, 9, 1, 8, 0),
                java.time.LocalDateTime.of(2026, 9, 1, 8, 0), 100, "Rio Grande High", 12345L, "Doe, Jane", 11,
                java.time.LocalDate.of(2026, 8, 12), null, "100000001", 35001100);
        ledger.write(run, 2027, List.of(record), List.of(), List.of(), 0);
        ledger.finishRun(run, Map.of("PUBLISHED", 1L), Ledger.RunOutcome.COMPLETED, null);

        assertEquals(record, ledger.records(2027, List.of("100000001")).get("k1"));
        assertEquals("COMPLETED", ledger.overview(run).orElseThrow().outcome());
        assertEquals(List.of("1 SQL", "2 SQL", "3 SQL", "4 SQL"), history(db));
    }

    private static List<String> history(DataSource db) throws Exception {
        List<String> applied = new ArrayList<>();
        try (Connection connection = db.getConnection();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT \"version\", \"type\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            while (rows.next()) {
                applied.add(rows.getString(1) + " " + rows.getString(2));
            }
        }
        assertTrue(!applied.isEmpty(), "Flyway's history is empty");
        return applied;
    }
}
