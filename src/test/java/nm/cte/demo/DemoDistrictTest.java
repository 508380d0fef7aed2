package nm.cte.demo;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests that the demo district holds what it promises: its size, its scenarios and the outcomes it expects. */
class DemoDistrictTest {

    private static final int YEAR = 2027;
    private static final long SEED = 42;
    private static final int LAST_SCENARIO_STUDENT_NUMBER = 200_047;
    /** The scenarios' school number without a SCHOOLS row. */
    private static final int CLOSED_SCHOOL = 530;
    private static final List<String> TABLES =
            List.of("SCHOOLS", "STUDENTS", "REENROLLMENTS", "TERMS", "PREFS", "S_NM_STU_X", "S_NM_STU_INDUSTRYCRED_C");

    /** D3's year term of the school year in the first parameter. */
    private static final String YEAR_TERM =
            "SELECT FIRSTDAY, LASTDAY FROM TERMS WHERE SCHOOLID = 0 AND ISYEARREC = 1 AND YEARID = CAST(? AS INT) - 1991";

    /** D1 periods of D2 participants: the STUDENTS period and every REENROLLMENTS period. */
    private static final String CANDIDATE_PERIODS = "WITH YEAR_TERM AS (" + YEAR_TERM + "),"
            + " ALL_PERIODS AS ("
            + "   SELECT S.DCID, S.STUDENT_NUMBER, S.STATE_STUDENTNUMBER, S.STATE_EXCLUDEFROMREPORTING AS STUDENT_EXCLUDED,"
            + "     S.ENTRYDATE, S.EXITDATE, CASE WHEN S.ENROLL_STATUS = 2 AND S.ENROLLMENT_SCHOOLID <> S.SCHOOLID"
            + "     THEN S.ENROLLMENT_SCHOOLID ELSE S.SCHOOLID END AS SCHOOL"
            + "   FROM STUDENTS S"
            + "   UNION ALL"
            + "   SELECT S.DCID, S.STUDENT_NUMBER, S.STATE_STUDENTNUMBER, S.STATE_EXCLUDEFROMREPORTING,"
            + "     R.ENTRYDATE, R.EXITDATE, R.SCHOOLID"
            + "   FROM REENROLLMENTS R JOIN STUDENTS S ON S.ID = R.STUDENTID),"
            + " PERIODS AS (SELECT * FROM ALL_PERIODS A WHERE EXISTS (SELECT 1 FROM S_NM_STU_INDUSTRYCRED_C C, YEAR_TERM Y"
            + "   WHERE C.STUDENTSDCID = A.DCID"
            + "   AND (C.CREDENTIALEARNEDDATE IS NULL OR C.CREDENTIALEARNEDDATE BETWEEN Y.FIRSTDAY AND Y.LASTDAY)))";

    /** The rules E1 to E9 and the natural-key merge written again in SQL: an independent check of the generator's bookkeeping. */
    private static final String PERIOD_OUTCOMES = CANDIDATE_PERIODS + ","
            + " LOCATED AS (SELECT PE.*, SC.DCID AS SCHOOL_DCID, SC.STATE_EXCLUDEFROMREPORTING AS SCHOOL_EXCLUDED,"
            + "   TRIM(PE.STATE_STUDENTNUMBER) AS UNIQUE_ID,"
            + "   CASE WHEN TRIM(X.LOCATIONCODE) <> '' THEN TRIM(X.LOCATIONCODE)"
            + "     WHEN SC.ALTERNATE_SCHOOL_NUMBER > 0 THEN CAST(SC.ALTERNATE_SCHOOL_NUMBER AS VARCHAR)"
            + "     ELSE CAST(SC.SCHOOL_NUMBER AS VARCHAR) END AS BUILDING"
            + "   FROM PERIODS PE LEFT JOIN SCHOOLS SC ON SC.SCHOOL_NUMBER = PE.SCHOOL"
            + "   LEFT JOIN S_NM_STU_X X ON X.STUDENTSDCID = PE.DCID),"
            + " JUDGED AS (SELECT L.STUDENT_NUMBER, L.UNIQUE_ID, L.ENTRYDATE, L.BUILDING, CASE"
            + "   WHEN L.ENTRYDATE IS NULL THEN 'MISSING_ENTRY_DATE'"
            + "   WHEN L.EXITDATE = L.ENTRYDATE THEN 'NO_SHOW'"
            + "   WHEN L.ENTRYDATE NOT BETWEEN Y.FIRSTDAY AND Y.LASTDAY THEN 'NOT_IN_SCHOOL_YEAR'"
            + "   WHEN L.STUDENT_EXCLUDED = 1 THEN 'STUDENT_EXCLUDED'"
            + "   WHEN L.SCHOOL_DCID IS NULL THEN 'UNKNOWN_SCHOOL'"
            + "   WHEN L.SCHOOL_EXCLUDED = 1 THEN 'SCHOOL_EXCLUDED'"
            + "   WHEN COALESCE(L.UNIQUE_ID, '') = '' THEN 'MISSING_STUDENT_UNIQUE_ID'"
            + "   WHEN LENGTH(L.UNIQUE_ID) > 32 THEN 'INVALID_STUDENT_UNIQUE_ID'"
            + "   WHEN NOT REGEXP_LIKE(L.BUILDING, '^(?!0+$)[0-9]{1,3}$') THEN 'INVALID_BUILDING_NUMBER'"
            + "   ELSE 'READY' END AS OUTCOME"
            + "   FROM LOCATED L CROSS JOIN YEAR_TERM Y)"
            + " SELECT STUDENT_NUMBER, CASE WHEN OUTCOME = 'READY' AND ROW_NUMBER() OVER (PARTITION BY OUTCOME, UNIQUE_ID,"
            + "   ENTRYDATE, CASE WHEN OUTCOME = 'READY' THEN CAST(BUILDING AS INT) END ORDER BY STUDENT_NUMBER) > 1"
            + "   THEN 'DUPLICATE_NATURAL_KEY' ELSE OUTCOME END AS OUTCOME"
            + " FROM JUDGED";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static DataSource shared;
    private static DemoDistrict sharedDistrict;
    /** Per student number of the shared district, the outcomes of its candidate periods as the SQL rules decide them. */
    private static Map<Long, List<String>> sharedOutcomes;
    private final List<DataSource> ownDatabases = new ArrayList<>();

    @BeforeAll
    static void generateSharedDistrict() throws SQLException {
        shared = database();
        sharedDistrict = DemoDistrict.generate(shared, 5_000, YEAR, SEED);
        sharedOutcomes = periodOutcomes(shared);
    }

    @AfterAll
    static void dropSharedDistrict() throws SQLException {
        shutdown(shared);
    }

    @AfterEach
    void dropOwnDatabases() throws SQLException {
        for (DataSource db : ownDatabases) {
            shutdown(db);
        }
    }

    @Test
    void sameSeedGivesTheSameData() throws SQLException {
        DataSource first = ownDatabase();
        DataSource second = ownDatabase();
        DemoDistrict.generate(first, 600, YEAR, SEED);
        DemoDistrict.generate(second, 600, YEAR, SEED);
        assertEquals(dump(first), dump(second));
    }

    @Test
    void anotherSeedGivesOtherStudents() throws SQLException {
        DataSource first = ownDatabase();
        DataSource second = ownDatabase();
        DemoDistrict.generate(first, 600, YEAR, SEED);
        DemoDistrict.generate(second, 600, YEAR, SEED + 1);
        assertNotEquals(dump(first), dump(second));
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 600, 5_000})
    void generatesExactlyTheRequestedNumberOfCandidatePeriods(int size) throws SQLException {
        DataSource db = ownDatabase();
        DemoDistrict district = DemoDistrict.generate(db, size, YEAR, SEED);
        assertAll(
                () -> assertEquals(size, district.enrollmentPeriods()),
                () -> assertEquals(size, district.expectedOutcomes().values().stream().mapToLong(Long::longValue).sum()),
                () -> assertEquals(size, count(db, "SELECT COUNT(*) FROM (" + CANDIDATE_PERIODS + " SELECT * FROM PERIODS)", YEAR)));
    }

    @Test
    void refusesADistrictTooSmallForItsScenarios() {
        assertThrows(IllegalArgumentException.class, () -> DemoDistrict.generate(ownDatabase(), 99, YEAR, SEED));
    }

    @Test
    void expectedOutcomesAreWhatTheRulesDecideOnTheTables() throws SQLException {
        Map<String, Long> decided = new TreeMap<>();
        sharedOutcomes.forEach((student, outcomes) -> outcomes.forEach(o -> decided.merge(o, 1L, Long::sum)));
        assertEquals(decided, new TreeMap<>(sharedDistrict.expectedOutcomes()));
    }

    @ParameterizedTest(name = "student {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            200001 | READY
            200002 | READY
            200003 | READY
            200004 | READY
            200005 | READY
            200006 | not a candidate
            200007 | not a candidate
            200008 | not a candidate
            200009 | READY
            200010 | SCHOOL_EXCLUDED
            200011 | UNKNOWN_SCHOOL
            200012 | READY
            200013 | READY
            200014 | READY READY
            200015 | NOT_IN_SCHOOL_YEAR READY
            200016 | NOT_IN_SCHOOL_YEAR READY
            200017 | READY SCHOOL_EXCLUDED
            200018 | READY UNKNOWN_SCHOOL
            200019 | NO_SHOW READY
            200020 | READY
            200021 | READY
            200022 | INVALID_BUILDING_NUMBER
            200023 | READY
            200024 | READY
            200025 | READY
            200026 | INVALID_BUILDING_NUMBER
            200027 | READY
            200028 | SCHOOL_EXCLUDED
            200029 | INVALID_BUILDING_NUMBER
            200030 | STUDENT_EXCLUDED
            200031 | STUDENT_EXCLUDED
            200032 | SCHOOL_EXCLUDED
            200033 | UNKNOWN_SCHOOL
            200034 | MISSING_STUDENT_UNIQUE_ID
            200035 | MISSING_STUDENT_UNIQUE_ID
            200036 | MISSING_STUDENT_UNIQUE_ID
            200037 | INVALID_STUDENT_UNIQUE_ID
            200038 | READY
            200039 | READY
            200040 | MISSING_ENTRY_DATE
            200041 | NO_SHOW
            200042 | NO_SHOW
            200043 | NOT_IN_SCHOOL_YEAR
            200044 | NOT_IN_SCHOOL_YEAR READY
            200045 | READY
            200046 | DUPLICATE_NATURAL_KEY READY
            200047 | READY READY
            """)
    void scenarioStudentsGetTheDocumentedOutcomes(long studentNumber, String outcomes) throws SQLException {
        List<String> expected = outcomes.equals("not a candidate") ? List.of() : Arrays.asList(outcomes.split(" "));
        assertEquals(expected, sharedOutcomes.getOrDefault(studentNumber, List.of()));
    }

    @Test
    void transferScenarioIsEnrolledAtAnotherSchoolThanItsSchoolId() throws SQLException {
        assertEquals("2 999999 540", row(shared,
                "SELECT ENROLL_STATUS, SCHOOLID, ENROLLMENT_SCHOOLID FROM STUDENTS WHERE STATE_STUDENTNUMBER = '100000009'"));
    }

    @Test
    void duplicateScenarioHasAReenrollmentWithTheSameEntryDateAndSchool() throws SQLException {
        assertEquals(1, count(shared, "SELECT COUNT(*) FROM STUDENTS S JOIN REENROLLMENTS R ON R.STUDENTID = S.ID"
                + " WHERE S.STATE_STUDENTNUMBER = ? AND R.ENTRYDATE = S.ENTRYDATE AND R.SCHOOLID = S.SCHOOLID", "100000046"));
    }

    @Test
    void scenariosCoverLocationCodeOverridesBlanksAndBadValues() throws SQLException {
        assertEquals("'   ' ' 7 ' '000' '045' '045' '520' 'AB' null", row(shared, "SELECT LISTAGG(COALESCE('''' || LOCATIONCODE"
                + " || '''', 'null'), ' ') WITHIN GROUP (ORDER BY LOCATIONCODE NULLS LAST) FROM S_NM_STU_X X JOIN STUDENTS S"
                + " ON S.DCID = X.STUDENTSDCID WHERE S.STUDENT_NUMBER <= " + LAST_SCENARIO_STUDENT_NUMBER));
    }

    @Test
    void scenariosCoverMissingBlankPaddedAndOverlongStateIds() throws SQLException {
        String stateId = "SELECT '[' || STATE_STUDENTNUMBER || ']', LENGTH(STATE_STUDENTNUMBER) FROM STUDENTS WHERE STUDENT_NUMBER = ?";
        assertAll(
                () -> assertEquals("null null", row(shared, stateId, 200_034)),
                () -> assertEquals("[   ] 3", row(shared, stateId, 200_035)),
                () -> assertEquals("[000000000000000000000000100000037] 33", row(shared, stateId, 200_037)),
                () -> assertEquals("[00000000000000000000000100000038] 32", row(shared, stateId, 200_038)),
                () -> assertEquals("[ 100000039 ] 11", row(shared, stateId, 200_039)));
    }

    @Test
    void districtIsLea001WithItsYearTerm() throws SQLException {
        assertAll(
                () -> assertEquals(" 001 ", row(shared, "SELECT \"VALUE\" FROM PREFS WHERE NAME = 'DistrictNumber' AND SCHOOLID = 0")),
                () -> assertEquals("3600 2026-08-10 2027-05-28", row(shared,
                        "SELECT ID, FIRSTDAY, LASTDAY FROM TERMS WHERE SCHOOLID = 0 AND ISYEARREC = 1 AND YEARID = 36")),
                () -> assertEquals("3500 2025-08-10 2026-05-28", row(shared,
                        "SELECT ID, FIRSTDAY, LASTDAY FROM TERMS WHERE SCHOOLID = 0 AND ISYEARREC = 1 AND YEARID = 35")));
    }

    @Test
    void schoolsIncludeAnAlternativeAnExcludedAndAnUnbuildableOne() throws SQLException {
        assertAll(
                () -> assertTrue(count(shared, "SELECT COUNT(*) FROM SCHOOLS") >= 6, "6 to 8 schools"),
                () -> assertTrue(count(shared, "SELECT COUNT(*) FROM SCHOOLS") <= 8, "6 to 8 schools"),
                () -> assertEquals(1, count(shared, "SELECT COUNT(*) FROM SCHOOLS WHERE ALTERNATE_SCHOOL_NUMBER > 0")),
                () -> assertEquals(1, count(shared, "SELECT COUNT(*) FROM SCHOOLS WHERE STATE_EXCLUDEFROMREPORTING = 1")),
                () -> assertEquals(1, count(shared, "SELECT COUNT(*) FROM SCHOOLS WHERE SCHOOL_NUMBER BETWEEN 1000 AND 9999"
                        + " AND COALESCE(ALTERNATE_SCHOOL_NUMBER, 0) <= 0")));
    }

    @Test
    void everyRowJoinsItsStudentAndSchoolByTheirPowerSchoolKeys() throws SQLException {
        String notASchool = "WHERE %s NOT IN (SELECT SCHOOL_NUMBER FROM SCHOOLS) AND %<s <> " + CLOSED_SCHOOL;
        assertAll(
                () -> assertEquals(0, count(shared, "SELECT COUNT(*) FROM REENROLLMENTS WHERE STUDENTID NOT IN (SELECT ID FROM STUDENTS)")),
                () -> assertEquals(0, count(shared, "SELECT COUNT(*) FROM S_NM_STU_X WHERE STUDENTSDCID NOT IN (SELECT DCID FROM STUDENTS)")),
                () -> assertEquals(0, count(shared, "SELECT COUNT(*) FROM S_NM_STU_INDUSTRYCRED_C WHERE STUDENTSDCID NOT IN (SELECT DCID FROM STUDENTS)")),
                () -> assertEquals(0, count(shared, "SELECT COUNT(*) FROM STUDENTS " + notASchool.formatted("SCHOOLID"))),
                () -> assertEquals(0, count(shared, "SELECT COUNT(*) FROM STUDENTS " + notASchool.formatted("ENROLLMENT_SCHOOLID"))),
                () -> assertEquals(0, count(shared, "SELECT COUNT(*) FROM REENROLLMENTS " + notASchool.formatted("SCHOOLID"))),
                () -> assertEquals(0, count(shared, "SELECT COUNT(*) FROM S_NM_STU_INDUSTRYCRED_C " + notASchool.formatted("SCHOOLID"))),
                () -> assertEquals(count(shared, "SELECT COUNT(*) FROM REENROLLMENTS"), count(shared, "SELECT COUNT(DISTINCT ID) FROM REENROLLMENTS")));
    }

    @Test
    void studentsHaveDistinctStateIds() throws SQLException {
        assertEquals(count(shared, "SELECT COUNT(*) FROM STUDENTS WHERE TRIM(STATE_STUDENTNUMBER) <> ''"),
                count(shared, "SELECT COUNT(DISTINCT TRIM(STATE_STUDENTNUMBER)) FROM STUDENTS WHERE TRIM(STATE_STUDENTNUMBER) <> ''"));
    }

    @Test
    void randomStudentsIncludeStudentsWhoAreNotCandidates() throws SQLException {
        long students = count(shared, "SELECT COUNT(*) FROM STUDENTS WHERE STUDENT_NUMBER > " + LAST_SCENARIO_STUDENT_NUMBER);
        long candidates = count(shared, "SELECT COUNT(DISTINCT STUDENT_NUMBER) FROM (" + CANDIDATE_PERIODS
                + " SELECT * FROM PERIODS) WHERE STUDENT_NUMBER > " + LAST_SCENARIO_STUDENT_NUMBER, YEAR);
        assertTrue(students > candidates, students + " students, " + candidates + " candidates");
    }

    @Test
    void randomStudentsAreMostlyReadyAndShowEveryCase() {
        Map<String, Long> outcomes = new HashMap<>();
        sharedOutcomes.forEach((student, periods) -> {
            if (student > LAST_SCENARIO_STUDENT_NUMBER) {
                periods.forEach(outcome -> outcomes.merge(outcome, 1L, Long::sum));
            }
        });
        double ready = (double) outcomes.get("READY") / outcomes.values().stream().mapToLong(Long::longValue).sum();
        assertAll(
                () -> assertEquals(sharedDistrict.expectedOutcomes().keySet(), outcomes.keySet()),
                () -> assertTrue(ready > 0.75 && ready < 0.85, "READY share " + ready));
    }

    /** Per student number, the outcomes of its candidate periods, sorted. */
    private static Map<Long, List<String>> periodOutcomes(DataSource db) throws SQLException {
        Map<Long, List<String>> outcomes = new TreeMap<>();
        try (Connection connection = db.getConnection();
                PreparedStatement query = connection.prepareStatement(PERIOD_OUTCOMES + " ORDER BY 1, 2")) {
            query.setInt(1, YEAR);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    outcomes.computeIfAbsent(rows.getLong(1), n -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        return outcomes;
    }

    private static long count(DataSource db, String sql, Object... parameters) throws SQLException {
        return Long.parseLong(row(db, sql, parameters));
    }

    /** The first row of a query, its columns separated by a space. */
    private static String row(DataSource db, String sql, Object... parameters) throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next(), "no row for " + sql);
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    columns.add(rows.getString(i));
                }
                return String.join(" ", columns);
            }
        }
    }

    /** Every row of every table, in key order. */
    private static List<String> dump(DataSource db) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
                    while (result.next()) {
                        StringBuilder row = new StringBuilder(table);
                        for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                            row.append('|').append(result.getString(i));
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }

    private DataSource ownDatabase() {
        DataSource db = database();
        ownDatabases.add(db);
        return db;
    }

    private static DataSource database() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:demo-district-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        db.setUser("sa");
        return db;
    }

    private static void shutdown(DataSource db) throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }
}
