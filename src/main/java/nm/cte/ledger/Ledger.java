package nm.cte.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import nm.cte.domain.Reason;

/**
 * The publisher's own memory (D12-D15): what the ODS holds of each record, every run with its counts, and the
 * per-record results of the last runs. Every write is one transaction, made only after the ODS answered, so no
 * record is ever marked PUBLISHED that the ODS did not confirm.
 */
public final class Ledger {

    /** How a run ended. */
    public enum RunOutcome { RUNNING, COMPLETED, FAILED, ABANDONED }

    private static final String RECORD_COLUMNS = "PAYLOAD_HASH, RESOURCE_ID, STATUS, REASON, MESSAGE, FIRST_PUBLISHED, LAST_PUBLISHED,"
            + " SCHOOL_NUMBER, SCHOOL_NAME, STUDENT_NUMBER, STUDENT_NAME, GRADE_LEVEL, ENTRY_DATE, EXIT_DATE, STUDENT_UNIQUE_ID, EDORG_ID";
    private static final String UPDATE_RECORD = "UPDATE CTE_RECORD SET PAYLOAD_HASH = ?, RESOURCE_ID = ?, STATUS = ?, REASON = ?,"
            + " MESSAGE = ?, FIRST_PUBLISHED = ?, LAST_PUBLISHED = ?, SCHOOL_NUMBER = ?, SCHOOL_NAME = ?, STUDENT_NUMBER = ?,"
            + " STUDENT_NAME = ?, GRADE_LEVEL = ?, ENTRY_DATE = ?, EXIT_DATE = ?, STUDENT_UNIQUE_ID = ?, EDORG_ID = ?, LAST_RUN = ?"
            + " WHERE SCHOOL_YEAR = ? AND NATURAL_KEY = ?";
    private static final String INSERT_RECORD = "INSERT INTO CTE_RECORD (" + RECORD_COLUMNS + ", LAST_RUN, SCHOOL_YEAR, NATURAL_KEY)";
    static final String RESULT_COLUMNS = "SCHOOL_NAME, STUDENT_NUMBER, STUDENT_NAME, GRADE_LEVEL, PROGRAM_NAME, ENTRY_DATE,"
            + " EXIT_DATE, STATE_STUDENT_NUMBER, EDORG_ID, STATUS, REASON, MESSAGE, LAST_PUBLISHED, RESOURCE_ID";
    private static final int LONGEST_MESSAGE = 2000;
    /** Students a lookup names at once: a batch (up to 256 periods) takes a few queries, each a short index range. */
    static final int STUDENTS_PER_QUERY = 64;
    private static final String BY_STUDENTS = "SELECT NATURAL_KEY, " + RECORD_COLUMNS + " FROM CTE_RECORD WHERE SCHOOL_YEAR = ?"
            + " AND STUDENT_UNIQUE_ID IN (" + String.join(", ", Collections.nCopies(STUDENTS_PER_QUERY, "?")) + ")";

    private final DataSource db;
    private final String url;
    private final int resultsKeptRuns;
    private final RunLease lease;

    /**
     * @param url             the database's URL as messages show it, without a password
     * @param resultsKeptRuns how many runs keep their per-record results for export
     * @param leaseLength     how long a run's lease lasts unless renewed: how long a run whose process died keeps the
     *                        ledger from the next
     */
    public Ledger(DataSource db, String url, int resultsKeptRuns, Duration leaseLength) {
        this.db = db;
        this.url = url;
        this.resultsKeptRuns = resultsKeptRuns;
        this.lease = new RunLease(leaseLength);
    }

    /**
     * Takes the run lease, numbers a new run and notes it as running, in one transaction; a run that never ended (the
     * process died) is marked abandoned, since only the lease's holder runs.
     *
     * @param scheduledFire the schedule's fire that starts the run, or null: each fire runs once across all processes
     * @throws LedgerHeldException another run holds the lease, or ran this fire already
     */
    public long startRun(int schoolYear, String mode, String selection, Instant scheduledFire) throws SQLException, LedgerHeldException {
        try (Connection connection = transaction()) {
            try {
                lease.take(connection, scheduledFire);
            } catch (LedgerHeldException e) {
                connection.rollback();
                throw e;
            }
            try (PreparedStatement abandon = connection.prepareStatement("UPDATE CTE_RUN SET OUTCOME = ? WHERE OUTCOME = ?")) {
                abandon.setString(1, RunOutcome.ABANDONED.name());
                abandon.setString(2, RunOutcome.RUNNING.name());
                abandon.executeUpdate();
            }
            long number = lastRun(connection).orElse(0) + 1;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO CTE_RUN (RUN_NUMBER, SCHOOL_YEAR, MODE, SELECTION,"
                    + " STARTED, OUTCOME) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, number);
                insert.setInt(2, schoolYear);
                insert.setString(3, mode);
                insert.setString(4, selection);
                insert.setTimestamp(5, Timestamp.valueOf(LocalDateTime.now()));
                insert.setString(6, RunOutcome.RUNNING.name());
                insert.executeUpdate();
            }
            lease.holdFor(connection, number);
            connection.commit();
            return number;
        } catch (SQLException e) {
            throw named(e);
        }
    }

    /** Extends the lease of a run that goes on; false when the run lost it (it expired and another run took it). */
    public boolean renewLease(long run) throws SQLException {
        try (Connection connection = db.getConnection()) {
            return lease.renew(connection, run);
        } catch (SQLException e) {
            throw named(e);
        }
    }

    /** Gives up the lease of a run that ended, so that the next run need not wait for it to expire. */
    public void releaseLease(long run) throws SQLException {
        try (Connection connection = db.getConnection()) {
            lease.release(connection, run);
        } catch (SQLException e) {
            throw named(e);
        }
    }

    /** Why a run could not start now, when another run holds the lease. */
    public Optional<LedgerHeldException> heldElsewhere() throws SQLException {
        try (Connection connection = db.getConnection()) {
            return lease.heldElsewhere(connection);
        } catch (SQLException e) {
            throw named(e);
        }
    }

    /**
     * Every record of a school year of these students (their studentUniqueIds), by natural key: what a batch of
     * students needs, so that a run never holds the whole year's ledger. One indexed query for up to
     * {@value #STUDENTS_PER_QUERY} students (CTE_RECORD_STUDENT, led by the student): a batch's natural keys begin with
     * a date and make no key range, and one lookup per key cost a query per record.
     */
    public Map<String, LedgerRecord> records(int schoolYear, Collection<String> studentUniqueIds) throws SQLException {
        List<String> students = List.copyOf(new LinkedHashSet<>(studentUniqueIds));
        Map<String, LedgerRecord> records = new HashMap<>();
        if (students.isEmpty()) {
            return records;
        }
        try (Connection connection = db.getConnection();
             PreparedStatement select = connection.prepareStatement(BY_STUDENTS)) {
            for (int from = 0; from < students.size(); from += STUDENTS_PER_QUERY) {
                List<String> some = students.subList(from, Math.min(students.size(), from + STUDENTS_PER_QUERY));
                select.setInt(1, schoolYear);
                // one statement whatever the number: the last student fills the places left
                for (int i = 0; i < STUDENTS_PER_QUERY; i++) {
                    select.setString(i + 2, some.get(Math.min(i, some.size() - 1)));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        LedgerRecord record = record(rows);
                        records.put(record.naturalKey(), record);
                    }
                }
            }
        } catch (SQLException e) {
            throw named(e);
        }
        return records;
    }

    /**
     * Every record of a school year that the ledger had before this run, one at a time as the database hands them
     * over, never all in memory: what this run wrote itself (LAST_RUN) is left out, since it produced it.
     *
     * @param run the run that asks; 0, a dry run's number, leaves nothing out
     */
    public void eachRecordBefore(long run, int schoolYear, Consumer<LedgerRecord> each) throws SQLException {
        eachRecordBefore(run, schoolYear, "", null, each);
    }

    /**
     * The records of {@link #eachRecordBefore} of one school (SCHOOL_NUMBER), by index (CTE_RECORD_SCHOOL): what a
     * run of that school asks of the ledger (D13), RunOptions#selects's rule for a school in SQL.
     */
    public void eachRecordOfSchoolBefore(long run, int schoolYear, int school, Consumer<LedgerRecord> each) throws SQLException {
        eachRecordBefore(run, schoolYear, " AND SCHOOL_NUMBER = ?", school, each);
    }

    /**
     * The records of {@link #eachRecordBefore} of one student, by index: those of the studentUniqueId
     * (CTE_RECORD_STUDENT), then those of the PS student number (CTE_RECORD_STUDENT_NUMBER) that the first did not
     * hand over. What a run of that student asks of the ledger (D13), RunOptions#selects's rule for a student in SQL:
     * two queries, since no database reads two indexes for one OR.
     *
     * @param studentNumber the PS student number the student may be named by, or null
     */
    public void eachRecordOfStudentBefore(long run, int schoolYear, String studentUniqueId, Long studentNumber,
                                          Consumer<LedgerRecord> each) throws SQLException {
        eachRecordBefore(run, schoolYear, " AND STUDENT_UNIQUE_ID = ?", studentUniqueId, each);
        if (studentNumber != null) {
            eachRecordBefore(run, schoolYear, " AND STUDENT_NUMBER = ?", studentNumber, record -> {
                if (!studentUniqueId.equals(record.studentUniqueId())) {
                    each.accept(record);
                }
            });
        }
    }

    private void eachRecordBefore(long run, int schoolYear, String condition, Object value, Consumer<LedgerRecord> each)
            throws SQLException {
        try (Connection connection = db.getConnection()) {
            // PostgreSQL's driver reads a result a fetch at a time only inside a transaction
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT NATURAL_KEY, " + RECORD_COLUMNS + " FROM CTE_RECORD WHERE SCHOOL_YEAR = ? AND LAST_RUN <> ?" + condition)) {
                select.setInt(1, schoolYear);
                select.setLong(2, run);
                if (value != null) {
                    select.setObject(3, value);
                }
                select.setFetchSize(1000);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        each.accept(record(rows));
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw named(e);
        }
    }

    /**
     * The records of {@link #eachRecordBefore} with these natural keys, each found by the primary key: the few a
     * selective run produced outside its selection.
     */
    public List<LedgerRecord> recordsBefore(long run, int schoolYear, Collection<String> naturalKeys) throws SQLException {
        List<LedgerRecord> records = new ArrayList<>();
        if (naturalKeys.isEmpty()) {
            return records;
        }
        try (Connection connection = db.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT NATURAL_KEY, " + RECORD_COLUMNS + " FROM CTE_RECORD"
                     + " WHERE SCHOOL_YEAR = ? AND NATURAL_KEY = ? AND LAST_RUN <> ?")) {
            for (String key : naturalKeys) {
                select.setInt(1, schoolYear);
                select.setString(2, key);
                select.setLong(3, run);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        records.add(record(rows));
                    }
                }
            }
        } catch (SQLException e) {
            throw named(e);
        }
        return records;
    }

    /**
     * How many records of {@link #eachRecordBefore} the ODS holds (LedgerRecord#isInOds), counted in the database and
     * only as far as {@code enough}: D13's guard needs the exact number only when it is small, and a year of a million
     * records takes a scan of the whole table to count.
     *
     * @return the number, or {@code enough} when there are at least as many (0 when {@code enough} is 0 or less: no
     *         count is needed)
     */
    public long countInOdsBefore(long run, int schoolYear, long enough) throws SQLException {
        if (enough <= 0) {
            return 0;
        }
        try (Connection connection = db.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM (SELECT 1 AS ONE FROM CTE_RECORD"
                     + " WHERE SCHOOL_YEAR = ? AND LAST_RUN <> ? AND " + LedgerRecord.IN_ODS + " FETCH FIRST ? ROWS ONLY) IN_ODS")) {
            count.setInt(1, schoolYear);
            count.setLong(2, run);
            count.setLong(3, enough);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw named(e);
        }
    }

    private static LedgerRecord record(ResultSet rows) throws SQLException {
        return new LedgerRecord(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                rows.getString(6), dateTime(rows, 7), dateTime(rows, 8), integer(rows, 9), rows.getString(10), number(rows, 11),
                rows.getString(12), integer(rows, 13), date(rows, 14), date(rows, 15), rows.getString(16), integer(rows, 17));
    }

    /**
     * Writes what a batch of records became, in one transaction: the records the ODS answered for and the result rows
     * of the run.
     *
     * @param created records the ledger did not have when the run started: inserted without looking for them first
     * @param changed records it had: updated
     */
    public void write(long run, int schoolYear, List<LedgerRecord> created, List<LedgerRecord> changed, List<ResultRow> results,
                      int firstSeq) throws SQLException {
        try (Connection connection = transaction()) {
            try {
                insert(connection, run, schoolYear, created);
                upsert(connection, run, schoolYear, changed);
            } catch (SQLException e) {
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw e;
                }
                // the ledger had one of them after all: update what is there, insert the rest
                connection.rollback();
                upsert(connection, run, schoolYear, created);
                upsert(connection, run, schoolYear, changed);
            }
            List<Numbered> numbered = new ArrayList<>(results.size());
            for (ResultRow row : results) {
                numbered.add(new Numbered(firstSeq + numbered.size(), row));
            }
            new RowsInsert<Numbered>("INSERT INTO CTE_RESULT (RUN_NUMBER, SEQ, " + RESULT_COLUMNS + ")", 16,
                    (statement, index, row) -> bind(statement, index, run, row)).insert(connection, numbered);
            connection.commit();
        } catch (SQLException e) {
            throw named(e);
        }
    }

    private static void insert(Connection connection, long run, int schoolYear, List<LedgerRecord> records) throws SQLException {
        new RowsInsert<LedgerRecord>(INSERT_RECORD, 19, (statement, index, record) -> bind(statement, index, run, schoolYear, record))
                .insert(connection, records);
    }

    /** A result row and its sequence number in the run. */
    private record Numbered(int seq, ResultRow row) {
    }

    private static int bind(PreparedStatement statement, int index, long run, Numbered numbered) throws SQLException {
        ResultRow row = numbered.row();
        int i = index;
        statement.setLong(i++, run);
        statement.setInt(i++, numbered.seq());
        statement.setString(i++, row.schoolName());
        setLong(statement, i++, row.psStudentNumber());
        statement.setString(i++, row.studentName());
        setInt(statement, i++, row.gradeLevel());
        statement.setString(i++, row.programName());
        setDate(statement, i++, row.entryDate());
        setDate(statement, i++, row.exitDate());
        statement.setString(i++, row.stateStudentNumber());
        setInt(statement, i++, row.educationOrganizationId());
        statement.setString(i++, row.status());
        statement.setString(i++, row.reason());
        statement.setString(i++, shortened(row.message()));
        setTimestamp(statement, i++, row.lastPublishDate());
        statement.setString(i++, row.publishingId());
        return i;
    }

    /** The UPDATE of each record, then the INSERT of those the ledger did not have: portable, and batched. */
    private static void upsert(Connection connection, long run, int schoolYear, List<LedgerRecord> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        int[] updated;
        try (PreparedStatement update = connection.prepareStatement(UPDATE_RECORD)) {
            for (LedgerRecord record : records) {
                bind(update, 1, run, schoolYear, record);
                update.addBatch();
            }
            updated = update.executeBatch();
        }
        List<LedgerRecord> missing = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (updated[i] == 0) {
                missing.add(records.get(i));
            }
        }
        insert(connection, run, schoolYear, missing);
    }

    /**
     * The UPDATE and the INSERT both take the record's columns, then LAST_RUN, SCHOOL_YEAR and NATURAL_KEY, from the
     * given index on; returns the index after them.
     */
    private static int bind(PreparedStatement statement, int index, long run, int schoolYear, LedgerRecord record) throws SQLException {
        int i = index;
        statement.setString(i++, record.payloadHash());
        statement.setString(i++, record.resourceId());
        statement.setString(i++, record.status());
        statement.setString(i++, record.reason());
        statement.setString(i++, shortened(record.message()));
        setTimestamp(statement, i++, record.firstPublished());
        setTimestamp(statement, i++, record.lastPublished());
        setInt(statement, i++, record.schoolNumber());
        statement.setString(i++, record.schoolName());
        setLong(statement, i++, record.studentNumber());
        statement.setString(i++, record.studentName());
        setInt(statement, i++, record.gradeLevel());
        setDate(statement, i++, record.entryDate());
        setDate(statement, i++, record.exitDate());
        statement.setString(i++, record.studentUniqueId());
        setInt(statement, i++, record.educationOrganizationId());
        statement.setLong(i++, run);
        statement.setInt(i++, schoolYear);
        statement.setString(i++, record.naturalKey());
        return i;
    }

    /** Ends a run with its counts by status, and forgets the results of runs older than the kept ones. */
    public void finishRun(long run, Map<String, Long> byStatus, RunOutcome outcome, String message) throws SQLException {
        try (Connection connection = transaction()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE CTE_RUN SET ENDED = ?, OUTCOME = ?, MESSAGE = ?,"
                    + " CANDIDATES = ?, PUBLISHED = ?, UNCHANGED = ?, DEPENDENCY = ?, DATA_EXCEPTION = ?, EXCLUDED = ?, ERROR = ?,"
                    + " DELETED = ? WHERE RUN_NUMBER = ?")) {
                int i = 0;
                update.setTimestamp(++i, Timestamp.valueOf(LocalDateTime.now()));
                update.setString(++i, outcome.name());
                update.setString(++i, shortened(message));
                update.setLong(++i, byStatus.values().stream().mapToLong(Long::longValue).sum());
                for (String status : List.of("PUBLISHED", "UNCHANGED", "DEPENDENCY", "DATA_EXCEPTION", "EXCLUDED", "ERROR", "DELETED")) {
                    update.setLong(++i, byStatus.getOrDefault(status, 0L));
                }
                update.setLong(++i, run);
                update.executeUpdate();
            }
            try (PreparedStatement prune = connection.prepareStatement("DELETE FROM CTE_RESULT WHERE RUN_NUMBER <= ?")) {
                prune.setLong(1, run - resultsKeptRuns);
                prune.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            throw named(e);
        }
    }

    /** The number of the last run, if there was one. */
    public OptionalLong lastRun() throws SQLException {
        try (Connection connection = db.getConnection()) {
            return lastRun(connection);
        } catch (SQLException e) {
            throw named(e);
        }
    }

    private static OptionalLong lastRun(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet max = statement.executeQuery("SELECT MAX(RUN_NUMBER) FROM CTE_RUN")) {
            max.next();
            long last = max.getLong(1);
            return max.wasNull() ? OptionalLong.empty() : OptionalLong.of(last);
        }
    }

    /** A run as its export's summary shows it. */
    public Optional<RunOverview> overview(long run) throws SQLException {
        try (Connection connection = db.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT SCHOOL_YEAR, MODE, SELECTION, STARTED, ENDED, OUTCOME FROM CTE_RUN"
                     + " WHERE RUN_NUMBER = ?")) {
            select.setLong(1, run);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                int endingYear = row.getInt(1);
                String schoolYear = (endingYear - 1) + "-" + String.format("%02d", endingYear % 100);
                return Optional.of(new RunOverview(run, row.getString(2), row.getString(3), schoolYear, dateTime(row, 4),
                        dateTime(row, 5), row.getString(6), counts(connection, run, "STATUS"), reasonCounts(connection, run)));
            }
        } catch (SQLException e) {
            throw named(e);
        }
    }

    private static List<RunOverview.Count> counts(Connection connection, long run, String column) throws SQLException {
        List<RunOverview.Count> counts = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + column + ", COUNT(*) FROM CTE_RESULT WHERE RUN_NUMBER = ?"
                + " AND " + column + " IS NOT NULL GROUP BY " + column + " ORDER BY COUNT(*) DESC, " + column)) {
            select.setLong(1, run);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.add(new RunOverview.Count(rows.getString(1), null, null, rows.getLong(2)));
                }
            }
        }
        return counts;
    }

    private static List<RunOverview.Count> reasonCounts(Connection connection, long run) throws SQLException {
        List<RunOverview.Count> counts = new ArrayList<>();
        for (RunOverview.Count reason : counts(connection, run, "REASON")) {
            Reason code = Reason.valueOf(reason.name());
            counts.add(new RunOverview.Count(reason.name(), code.rule(), code.status().name(), reason.count()));
        }
        return counts;
    }

    /** The per-record results of a run, in the order they were recorded, read as they are used; close them. */
    public LedgerResults results(long run) throws SQLException {
        Connection connection;
        try {
            connection = db.getConnection();
        } catch (SQLException e) {
            throw named(e);
        }
        try {
            PreparedStatement select = connection.prepareStatement("SELECT " + RESULT_COLUMNS + " FROM CTE_RESULT WHERE RUN_NUMBER = ?"
                    + " ORDER BY SEQ");
            select.setLong(1, run);
            select.setFetchSize(1000);
            return new LedgerResults(connection, select.executeQuery(), url);
        } catch (SQLException e) {
            connection.close();
            throw named(e);
        }
    }

    static ResultRow resultRow(ResultSet rows) throws SQLException {
        return new ResultRow(rows.getString(1), number(rows, 2), rows.getString(3), integer(rows, 4), rows.getString(5),
                date(rows, 6), date(rows, 7), rows.getString(8), integer(rows, 9), rows.getString(10), rows.getString(11),
                rows.getString(12), dateTime(rows, 13), rows.getString(14));
    }

    /** A failure of this database, named with its URL, so that nobody blames PowerSchool for it. */
    private SQLException named(SQLException e) {
        return e instanceof LedgerException ? e : new LedgerException(url, e);
    }

    private Connection transaction() throws SQLException {
        Connection connection = db.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    private static String shortened(String message) {
        return message == null || message.length() <= LONGEST_MESSAGE ? message : message.substring(0, LONGEST_MESSAGE);
    }

    private static void setInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NUMERIC);
        } else {
            statement.setLong(index, value);
        }
    }

    private static void setDate(PreparedStatement statement, int index, LocalDate value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DATE);
        } else {
            statement.setObject(index, value, Types.DATE);
        }
    }

    private static void setTimestamp(PreparedStatement statement, int index, LocalDateTime value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setObject(index, value, Types.TIMESTAMP);
        }
    }

    private static Integer integer(ResultSet rows, int column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    private static Long number(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    // JDBC 4.2's java.time: no detour through java.sql.Date and Timestamp and the JVM's time zone
    private static LocalDate date(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, LocalDate.class);
    }

    private static LocalDateTime dateTime(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, LocalDateTime.class);
    }
}
