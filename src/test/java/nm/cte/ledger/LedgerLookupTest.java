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
 * How a run reads the ledger without holding it whole: a batch's records by their students, the year's records the
 * run found one at a time, and how many of them the ODS holds, on H2 and on a real PostgreSQL.
 */
class LedgerLookupTest {

    /** The year's students, one record each; half of them asked for, as a batch asks for its own among the year's. */
    private static final int RECORDS = 1_200;

    @Test
    void aBatchsStudentsRecordsAreFoundOnH2() throws Exception {
        aBatchsStudentsRecordsAreFound(h2());
    }

    @Test
    void aBatchsStudentsRecordsAreFoundOnPostgresql() throws Exception {
        aBatchsStudentsRecordsAreFound(Postgres.dataSource(Postgres.freshDatabase()));
    }

    @Test
    void theYearsRecordsAreHandedOverOnceLessWhatTheRunWroteOnH2() throws Exception {
        theYearsRecordsAreHandedOverOnceLessWhatTheRunWrote(h2());
    }

    @Test
    void theYearsRecordsAreHandedOverOnceLessWhatTheRunWroteOnPostgresql() throws Exception {
        theYearsRecordsAreHandedOverOnceLessWhatTheRunWrote(Postgres.dataSource(Postgres.freshDatabase()));
    }

    @Test
    void theRecordsTheOdsHoldsAreCountedAsIsInOdsTellsOnH2() throws Exception {
        theRecordsTheOdsHoldsAreCountedAsIsInOdsTells(h2());
    }

    @Test
    void theRecordsTheOdsHoldsAreCountedAsIsInOdsTellsOnPostgresql() throws Exception {
        theRecordsTheOdsHoldsAreCountedAsIsInOdsTells(Postgres.dataSource(Postgres.freshDatabase()));
    }

    private static void theRecordsTheOdsHoldsAreCountedAsIsInOdsTells(DataSource db) throws Exception {
        Ledger ledger = ledgerOf(db);
        // besides the published: one deleted, one the ODS never stored, one it stored before the last sending failed
        ledger.write(1, 2027, List.of(record(key(RECORDS), "ods-deleted", "DELETED"), record(key(RECORDS + 1), null, "ERROR"),
                record(key(RECORDS + 2), "ods-stored", "ERROR"), record(key(RECORDS + 3), null, "DEPENDENCY")), List.of(), List.of(), 0);
        long run = ledger.startRun(2027, "CHANGES", null, null);
        // and one the run wrote itself
        ledger.write(run, 2027, List.of(record(key(RECORDS + 4), "ods-new", 2027)), List.of(), List.of(), 0);
        long[] inOds = {0};
        ledger.eachRecordBefore(run, 2027, record -> inOds[0] += record.isInOds() ? 1 : 0);

        assertEquals(inOds[0], ledger.countInOdsBefore(run, 2027, Long.MAX_VALUE));
        assertEquals(7, ledger.countInOdsBefore(run, 2027, 7), "counted no further than asked");
    }

    private static void aBatchsStudentsRecordsAreFound(DataSource db) throws Exception {
        Ledger ledger = ledgerOf(db);
        long run = ledger.startRun(2027, "CHANGES", null, null);
        // the first student has a second record of the year, under an entry date the source no longer has
        ledger.write(run, 2027, List.of(record(key(0).replace("2026-08-12", "2026-08-11"), "ods-earlier", 2027)), List.of(), List.of(), 0);
        // every other student asked for (many more than one query names), twice one of them, and one the ledger never had
        List<String> asked = new ArrayList<>(IntStream.range(0, RECORDS).filter(i -> i % 2 == 0).mapToObj(LedgerLookupTest::student).toList());
        asked.add("999999999");
        asked.add(student(0));

        var found = ledger.records(2027, asked);

        assertEquals(RECORDS / 2 + 1, found.size(), "every record of the students asked for, none of another student");
        assertEquals("ods-" + 998, found.get(key(998)).resourceId());
        assertEquals("ods-earlier", found.get(key(0).replace("2026-08-12", "2026-08-11")).resourceId());
        assertEquals(2027, found.get(key(0)).educationOrganizationId(), "the school year's record, not another year's");
    }

    private static void theYearsRecordsAreHandedOverOnceLessWhatTheRunWrote(DataSource db) throws Exception {
        Ledger ledger = ledgerOf(db);
        long run = ledger.startRun(2027, "CHANGES", null, null);
        // the run publishes a record of a new student and writes one it had again
        ledger.write(run, 2027, List.of(record(key(RECORDS), "ods-new", 2027)), List.of(record(key(7), "ods-7", 2027)), List.of(), 0);
        List<String> seen = new ArrayList<>();

        ledger.eachRecordBefore(run, 2027, record -> seen.add(record.naturalKey()));

        Set<String> expected = new HashSet<>(IntStream.range(0, RECORDS).mapToObj(LedgerLookupTest::key).toList());
        expected.remove(key(7));
        assertEquals(RECORDS - 1, seen.size(), "each record once, none the run wrote, no other year's");
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
        ledger.finishRun(run, java.util.Map.of(), Ledger.RunOutcome.COMPLETED, null);
        ledger.releaseLease(run);
        return ledger;
    }

    private static String student(int i) {
        return Integer.toString(100000000 + i);
    }

    private static String key(int i) {
        return "2026-08-12|35001100|35001100|CTE|uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education|" + student(i);
    }

    /** A published record; its education organization id says which school year it was written for. */
    private static LedgerRecord record(String key, String resourceId, int schoolYear) {
        return new LedgerRecord(key, "hash", resourceId, "PUBLISHED", null, null, null, null, 100, "Rio Grande High", 12345L,
                "Doe, Jane", 11, LocalDate.of(2026, 8, 12), null, key.substring(key.lastIndexOf('|') + 1), schoolYear);
    }

    /** A record of 2027 in this state. */
    private static LedgerRecord record(String key, String resourceId, String status) {
        return new LedgerRecord(key, "hash", resourceId, status, null, null, null, null, 100, "Rio Grande High", 12345L,
                "Doe, Jane", 11, LocalDate.of(2026, 8, 12), null, key.substring(key.lastIndexOf('|') + 1), 2027);
    }

    private static JdbcDataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:lookup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }
}
