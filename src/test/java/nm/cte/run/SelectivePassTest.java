package nm.cte.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import nm.cte.Postgres;
import nm.cte.RowsRead;
import nm.cte.domain.SchoolYear;
import nm.cte.ledger.Ledger;
import nm.cte.ledger.LedgerRecord;
import nm.cte.ledger.LedgerSchema;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * D13's pass of a selective run (--student, --school, explain): it reads its selection's records of the ledger by
 * index, and finds what the pass over the whole year finds, on H2 and on a real PostgreSQL.
 */
class SelectivePassTest {

    private static final int YEAR = 2027;
    /** The year's other students, one published record each. */
    private static final int OTHERS = 1_000;

    @Test
    void aStudentsPassReadsOnlyThatStudentsRecords() throws Exception {
        JdbcDataSource h2 = h2();
        Ledger setUp = ledgerOf(h2);
        setUp.write(1, YEAR, List.of(record(key("100000001", "2026-08-12"), "100000001", 5001L, 100, "PUBLISHED"),
                record(key("100000001", "2026-10-01"), "100000001", 5001L, 100, "PUBLISHED")), List.of(), List.of(), 0);
        RowsRead read = new RowsRead();
        Run run = run(new Ledger(read.of(h2), "test ledger", 30, Duration.ofSeconds(90)), "100000001");
        run.produced(key("100000001", "2026-10-01"), record(key("100000001", "2026-10-01"), "100000001", 5001L, 100, "PUBLISHED"));
        read.reset();

        NoLongerProduced found = NoLongerProduced.of(run);
        found.inOds(5);

        assertEquals(1, found.records().size(), "the student's record the run no longer produced");
        assertEquals(3, read.count(), "the student's two records and the one row of the count, of the year's " + (OTHERS + 2));
    }

    @Test
    void aSelectionsQueriesFindTheRecordsItsRuleSelectsOnH2() throws Exception {
        aSelectionsQueriesFindTheRecordsItsRuleSelects(h2());
    }

    @Test
    void aSelectionsQueriesFindTheRecordsItsRuleSelectsOnPostgresql() throws Exception {
        aSelectionsQueriesFindTheRecordsItsRuleSelects(Postgres.dataSource(Postgres.freshDatabase()));
    }

    @Test
    void aRecordProducedUnderAnotherPsStudentNumberCountsOnceAmongTheYears() throws Exception {
        Ledger ledger = ledgerOf(h2());
        // D10 merged PS students 5001 and 5002, who share the state id 100000001: the ledger kept 5001 on the record
        LedgerRecord merged = record(key("100000001", "2026-08-12"), "100000001", 5001L, 100, "PUBLISHED");
        LedgerRecord left = record(key("100000001", "2026-10-01"), "100000001", 5002L, 100, "PUBLISHED");
        ledger.write(1, YEAR, List.of(merged, left), List.of(), List.of(), 0);
        // a run of PS student 5002 makes the merged record again, and no longer the other
        Run run = run(ledger, "5002");
        run.produced(merged.naturalKey(), merged);

        NoLongerProduced found = NoLongerProduced.of(run);

        assertEquals(List.of(left.naturalKey()), found.records().stream().map(LedgerRecord::naturalKey).toList());
        assertEquals(wholeYearInOds(ledger, run), found.inOds(Long.MAX_VALUE));
    }

    private static void aSelectionsQueriesFindTheRecordsItsRuleSelects(DataSource db) throws Exception {
        Ledger ledger = ledgerOf(db);
        ledger.write(1, YEAR, List.of(
                record(key("100000001", "2026-08-12"), "100000001", 5001L, 100, "PUBLISHED"),
                // another student whose PS student number reads like the first one's state id
                record(key("100000002", "2026-08-12"), "100000002", 100000001L, 200, "PUBLISHED"),
                record(key("100000003", "2026-08-12"), "100000003", null, 200, "DELETED"),
                record(key("100000004", "2026-08-12"), "100000004", 5001L, null, "ERROR")), List.of(), List.of(), 0);
        // the state id, the PS student number, both at once, a number written with a leading zero, a school
        for (RunOptions options : List.of(selection(null, "100000003"), selection(null, "5001"), selection(null, "100000001"),
                selection(null, "05001"), selection(200, null), selection(300, null))) {
            Set<String> wanted = new HashSet<>();
            ledger.eachRecordBefore(0, YEAR, record -> {
                if (options.selects(record)) {
                    wanted.add(record.naturalKey());
                }
            });
            List<String> found = new ArrayList<>();
            if (options.school() != null) {
                ledger.eachRecordOfSchoolBefore(0, YEAR, options.school(), record -> found.add(record.naturalKey()));
            } else {
                ledger.eachRecordOfStudentBefore(0, YEAR, options.student(), options.selectedStudentNumber(),
                        record -> found.add(record.naturalKey()));
            }

            assertEquals(wanted, new HashSet<>(found), options.selection());
            assertEquals(wanted.size(), found.size(), options.selection() + ": each record once");
        }
    }

    /** D13's measure as the pass over the whole year takes it: what the run produced, and the rest of the year's in the ODS. */
    private static long wholeYearInOds(Ledger ledger, Run run) throws Exception {
        long[] inOds = {run.producedInOds()};
        ledger.eachRecordBefore(run.number(), YEAR, record -> {
            if (record.isInOds() && !run.produced(record.naturalKey())) {
                inOds[0]++;
            }
        });
        return inOds[0];
    }

    private static RunOptions selection(Integer school, String student) {
        return new RunOptions(RunOptions.Mode.CHANGES, school, student, true, false);
    }

    /** A dry run of one student on this ledger, as far as D13's pass needs it. */
    private static Run run(Ledger ledger, String student) {
        return new Run(0, RunOptions.explaining(student), new SchoolYear(YEAR, LocalDate.of(2026, 8, 10), LocalDate.of(2027, 5, 28)),
                null, null, null, null, ledger, null, Instant.now());
    }

    /** A ledger with OTHERS published records of other students, and one of another year. */
    private static Ledger ledgerOf(DataSource db) throws Exception {
        LedgerSchema.migrate(db, "test ledger");
        Ledger ledger = new Ledger(db, "test ledger", 30, Duration.ofSeconds(90));
        ledger.write(1, YEAR, IntStream.range(0, OTHERS).mapToObj(i -> {
            String student = Integer.toString(200000000 + i);
            return record(key(student, "2026-08-12"), student, 9000L + i, 300, "PUBLISHED");
        }).toList(), List.of(), List.of(), 0);
        ledger.write(1, YEAR - 1, List.of(record(key("100000001", "2026-08-12"), "100000001", 5001L, 100, "PUBLISHED")), List.of(),
                List.of(), 0);
        return ledger;
    }

    private static String key(String student, String beginDate) {
        return beginDate + "|35001100|35001100|CTE|uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education|" + student;
    }

    /** A record the ODS holds unless it is DELETED or never got a resource id (ERROR here). */
    private static LedgerRecord record(String key, String student, Long studentNumber, Integer school, String status) {
        return new LedgerRecord(key, "hash", status.equals("ERROR") ? null : "ods-" + UUID.randomUUID(), status, null, null, null,
                null, school, "School " + school, studentNumber, "Doe, Jane", 11, LocalDate.parse(key.substring(0, 10)), null, student,
                35001100);
    }

    private static JdbcDataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:selective-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }
}
