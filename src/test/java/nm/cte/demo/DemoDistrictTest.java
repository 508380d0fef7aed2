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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests that the demo district holds what it promises: its size, its scenarios and the cases it says it made. */
class DemoDistrictTest {

    private static final int YEAR = 2027;
    private static final long SEED = 42;
    private static final int LAST_SCENARIO_STUDENT_NUMBER = 200_047;
    /** The scenarios' school number without a SCHOOLS row. */
    private static final int CLOSED_SCHOOL = 530;
    private static final List<String> TABLES =
            List.of("SCHOOLS", "STUDENTS", "REENROLLMENTS", "TERMS", "PREFS", "S_NM_STU_X", "S_NM_STU_INDUSTRYCRED_C");

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static DataSource shared;
    /** The shared district's students as the generator made them, and the answers known for them. */
    private static List<GeneratedStudent> sharedStudents;
    private static KnownAnswers sharedAnswers;
    private final List<DataSource> ownDatabases = new ArrayList<>();

    @BeforeAll
    static void generateSharedDistrict() throws SQLException {
        shared = database();
        List<GeneratedStudent> students = new ArrayList<>();
        sharedAnswers = new KnownAnswers();
        DemoDistrict.generate(shared, 5_000, YEAR, SEED, sharedAnswers.andThen(students::add));
        sharedStudents = List.copyOf(students);
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
    void generatesExactlyTheRequestedNumberOfEnrollmentPeriodsOfParticipants(int size) throws SQLException {
        DataSource db = ownDatabase();
        List<GeneratedStudent> students = new ArrayList<>();
        DemoDistrict district = DemoDistrict.generate(db, size, YEAR, SEED, students::add);
        String participants = students.stream().filter(student -> !student.periods().isEmpty())
                .map(student -> Long.toString(student.studentNumber())).collect(Collectors.joining(","));
        assertAll(
                () -> assertEquals(size, district.enrollmentPeriods()),
                () -> assertEquals(size, students.stream().mapToInt(student -> student.periods().size()).sum()),
                () -> assertEquals(students.size(), district.students()),
                () -> assertEquals(students.size(), count(db, "SELECT COUNT(*) FROM STUDENTS")),
                () -> assertEquals(size, count(db, "SELECT (SELECT COUNT(*) FROM STUDENTS WHERE STUDENT_NUMBER IN ("
                        + participants + ")) + (SELECT COUNT(*) FROM REENROLLMENTS R JOIN STUDENTS S ON S.ID = R.STUDENTID"
                        + " WHERE S.STUDENT_NUMBER IN (" + participants + "))")));
    }

    @Test
    void refusesADistrictTooSmallForItsScenarios() {
        assertThrows(IllegalArgumentException.class, () -> DemoDistrict.generate(ownDatabase(), 99, YEAR, SEED));
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
    void scenariosAreTheFirstStudentsAndNoOtherIsOne() {
        for (GeneratedStudent student : sharedStudents) {
            boolean scenario = student.studentNumber() <= LAST_SCENARIO_STUDENT_NUMBER;
            assertTrue(student.periods().stream().allMatch(made -> (made == Case.SCENARIO) == scenario),
                    "student " + student.studentNumber() + " made as " + student.periods());
        }
    }

    @Test
    void randomStudentsIncludeStudentsWhoAreNotParticipants() {
        assertTrue(sharedStudents.stream().anyMatch(student -> student.studentNumber() > LAST_SCENARIO_STUDENT_NUMBER
                && student.periods().isEmpty()));
    }

    @Test
    void randomStudentsAreMadeAsEveryCase() {
        Set<Case> made = EnumSet.noneOf(Case.class);
        sharedStudents.stream().filter(student -> student.studentNumber() > LAST_SCENARIO_STUDENT_NUMBER)
                .forEach(student -> made.addAll(student.periods()));
        assertEquals(EnumSet.complementOf(EnumSet.of(Case.SCENARIO)), made);
    }

    @Test
    void randomStudentsAreMostlyReady() {
        long ready = 0;
        long periods = 0;
        for (Map.Entry<Long, List<KnownAnswers.Answer>> student : sharedAnswers.byStudent().entrySet()) {
            if (student.getKey() > LAST_SCENARIO_STUDENT_NUMBER) {
                ready += student.getValue().stream().filter(KnownAnswers.Answer.READY::equals).count();
                periods += student.getValue().size();
            }
        }
        double share = (double) ready / periods;
        assertTrue(share > 0.75 && share < 0.85, "READY share " + share);
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
