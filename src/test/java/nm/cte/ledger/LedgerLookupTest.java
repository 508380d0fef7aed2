package nm.cte.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import nm.cte.Postgres;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * How a run reads the ledger without holding it whole: a batch's records by their natural keys, and the year's records
 * one at a time, on H2 and on a real PostgreSQL.
 */
class LedgerLookupTest {

    /** The year's records: half of them asked for, as a batch asks for its own among the year's. */
    private static final int RECORDS = 1_200;

    @Test
    void aBatchsRecordsAreFoundByTheirKeysOnH2() throws Exception {
        aBatchsRecordsAreFoundByTheirKeys(h2());
    }

    @Test
    void aBatchsRecordsAreFoundByTheirKeysOnPostgresql() throws Exception {
        aBatchsRecordsAreFoundByTheirKeys(Postgres.dataSource(Postgres.freshDatabase()));
    }

    @Test
    void everyRecordOfTheYearIsHandedOverOnceOnH2() throws Exception {
        everyRecordOfTheYearIsHandedOverOnce(h2());
    }

    @Test
    void everyRecordOfTheYearIsHandedOverOnceOnPostgresql() throws Exception {
        everyRecordOfTheYearIsHandedOverOnce(Postgres.dataSource(Postgres.freshDatabase()));
    }

    private static void aBatchsRecordsAreFoundByTheirKeys(DataSource db) throws Exception {
        Ledger ledger = ledgerOf(db);
        // every other key of 2027 asked for, one of 2026 with a key 2027 has, and keys the ledger never had
        List<String> asked = new ArrayList<>(IntStream.range(0, RECORDS).filter(i -> i % 2 == 0).mapToObj(LedgerLookupTest::key).toList());
        asked.add("never recorded");
        asked.add(key(0));

        var found = ledger.records(2027, asked);

        assertEquals(RECORDS / 2, found.size(), "one record per key the year has, none for a key it lacks");
        assertEquals("ods-" + 998, found.get(key(998)).resourceId());
        assertEquals(2027, found.get(key(0)).educationOrganizationId(), "the school year's record, not another year's");
    }

    private static void everyRecordOfTheYearIsHandedOverOnce(DataSource db) throws Exception {
        Ledger ledger = ledgerOf(db);
        List<String> seen = new ArrayList<>();

        ledger.eachRecord(2027, record -> seen.add(record.naturalKey()));

        Set<String> expected = new HashSet<>(IntStream.range(0, RECORDS).mapToObj(LedgerLookupTest::key).toList());
        assertEquals(RECORDS, seen.size(), "each record once, and no other year's");
        assertEquals(expected, new HashSet<>(seen));
    }

    /** A ledger with RECORDS published records of 2027 and one of 2026 whose key 2027 has too. */
    private static Ledger ledgerOf(DataSource db) throws Exception {
        LedgerSchema.migrate(db, "test ledger");
        Ledger ledger = new Ledger(db, "test ledger", 30, Duration.ofSeconds(90));
        long run = ledger.startRun(2027, "CHANGES", null, null);
        ledger.write(run, 2027, IntStream.range(0, RECORDS).mapToObj(i -> record(key(i), "ods-" + i, 2027)).toList(), List.of(),
                List.of(), 0);
        ledger.write(run, 2026, List.of(record(key(0), "ods-old", 2026)), List.of(), List.of(), 0);
        return ledger;
    }

    private static String key(int i) {
        return "2026-08-12|35001100|35001100|CTE|uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education|" + (100000000 + i);
    }

    /** A published record; its education organization id says which school year it was written for. */
    private static LedgerRecord record(String key, String resourceId, int schoolYear) {
        return new LedgerRecord(key, "hash", resourceId, "PUBLISHED", null, null, null, null, 100, "Rio Grande High", 12345L,
                "Doe, Jane", 11, LocalDate.of(2026, 8, 12), null, key.substring(key.lastIndexOf('|') + 1), schoolYear);
    }

    private static JdbcDataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:lookup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }
}
