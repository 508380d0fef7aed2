package nm.cte;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** A small PowerSchool database in memory, with the contract schema, that a test fills with just the rows it needs. */
public final class PowerSchoolFixture {

    private final String url;
    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final Connection keepAlive;
    private int nextDcid = 1;

    private PowerSchoolFixture(String mode, boolean withSchema) throws SQLException {
        this(mode, withSchema, "");
    }

    private PowerSchoolFixture(String mode, boolean withSchema, String password) throws SQLException {
        url = "jdbc:h2:mem:ps-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + mode;
        dataSource.setURL(url);
        dataSource.setUser("sa");
        dataSource.setPassword(password);
        keepAlive = dataSource.getConnection();
        if (withSchema) {
            try (Statement statement = keepAlive.createStatement()) {
                statement.execute("RUNSCRIPT FROM 'classpath:demo/powerschool-schema.sql'");
            }
        }
    }

    public static PowerSchoolFixture empty() throws SQLException {
        return new PowerSchoolFixture("", true);
    }

    /** A database without tables, for the demo generator, which creates them. */
    public static PowerSchoolFixture blank(boolean oracleMode) throws SQLException {
        return new PowerSchoolFixture(oracleMode ? ";MODE=Oracle" : "", false);
    }

    /** H2 speaking Oracle's dialect, as close to a real PowerSchool database as a test gets. */
    public static PowerSchoolFixture oracleMode() throws SQLException {
        return new PowerSchoolFixture(";MODE=Oracle", true);
    }

    /** A district like {@link #district()} whose database asks for a password. */
    public static PowerSchoolFixture district(String password) throws SQLException {
        PowerSchoolFixture fixture = new PowerSchoolFixture("", true, password);
        fixture.districtNumber(0, " 001 ");
        fixture.yearTerm(2027, LocalDate.of(2026, 8, 10), LocalDate.of(2027, 5, 28));
        fixture.school(100, 0, "Rio Grande High", false);
        fixture.school(200, 45, "Mesa Alternative", false);
        return fixture;
    }

    /**
     * The district of {@link #district()} with these students, each entered at school 100 on this date with one CTE
     * credential (no completer): each a record a run publishes.
     */
    public static PowerSchoolFixture districtOf(List<String> stateStudentNumbers, LocalDate entered) throws SQLException {
        PowerSchoolFixture fixture = district();
        for (String student : stateStudentNumbers) {
            fixture.credential(fixture.student(student, 100, entered), null, false);
        }
        return fixture;
    }

    /** An empty district of school year 2026-27 with LEA 001 and the schools 100 and 200 (alternate number 45). */
    public static PowerSchoolFixture district() throws SQLException {
        PowerSchoolFixture fixture = empty();
        fixture.districtNumber(0, " 001 ");
        fixture.yearTerm(2027, LocalDate.of(2026, 8, 10), LocalDate.of(2027, 5, 28));
        fixture.school(100, 0, "Rio Grande High", false);
        fixture.school(200, 45, "Mesa Alternative", false);
        return fixture;
    }

    public String url() {
        return url;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Every state id of this district's students, for a sandbox ODS to know as its Students (E10). */
    public List<String> stateIds() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return stateIds(connection);
        }
    }

    /** Every state id of the students of a PowerSchool database, for a sandbox ODS to know as its Students (E10). */
    public static List<String> stateIds(Connection connection) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT DISTINCT TRIM(STATE_STUDENTNUMBER) FROM STUDENTS WHERE STATE_STUDENTNUMBER IS NOT NULL")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    public void districtNumber(Integer schoolId, String value) throws SQLException {
        update("INSERT INTO PREFS (DCID, NAME, \"VALUE\", SCHOOLID) VALUES (?, 'DistrictNumber', ?, ?)", nextDcid++, value, schoolId);
    }

    public void yearTerm(int endingYear, LocalDate firstDay, LocalDate lastDay) throws SQLException {
        int yearId = endingYear - 1991;
        update("INSERT INTO TERMS VALUES (?, ?, ?, 0, ?, ?, ?, 1)", nextDcid++, yearId * 100, yearId,
                (endingYear - 1) + "-" + endingYear, Date.valueOf(firstDay), Date.valueOf(lastDay));
    }

    public void school(int schoolNumber, Integer alternateNumber, String name, boolean excluded) throws SQLException {
        update("INSERT INTO SCHOOLS VALUES (?, ?, ?, ?, ?, ?)", nextDcid++, schoolNumber, schoolNumber, alternateNumber, name,
                excluded ? 1 : 0);
    }

    /** A student enrolled at a school since an entry date; returns its DCID (= its ID here). */
    public int student(String stateStudentNumber, int schoolId, LocalDate entryDate) throws SQLException {
        int dcid = nextDcid++;
        update("INSERT INTO STUDENTS (DCID, ID, STUDENT_NUMBER, LAST_NAME, FIRST_NAME, GRADE_LEVEL, SCHOOLID, ENROLL_STATUS,"
                        + " ENTRYDATE, STATE_STUDENTNUMBER) VALUES (?, ?, ?, 'Garcia', 'Ana', 10, ?, 0, ?, ?)",
                dcid, dcid, 5000 + dcid, schoolId, entryDate == null ? null : Date.valueOf(entryDate), stateStudentNumber);
        return dcid;
    }

    public void reenrollment(int studentId, int schoolId, LocalDate entryDate, LocalDate exitDate) throws SQLException {
        update("INSERT INTO REENROLLMENTS VALUES (?, ?, ?, ?, 9, ?, ?)", nextDcid, nextDcid++, studentId, schoolId,
                Date.valueOf(entryDate), Date.valueOf(exitDate));
    }

    public void credential(int studentDcid, LocalDate earned, boolean completer) throws SQLException {
        update("INSERT INTO S_NM_STU_INDUSTRYCRED_C VALUES (?, ?, NULL, ?, 'WELD1', 'IS', ?)", nextDcid++, studentDcid,
                earned == null ? null : Date.valueOf(earned), completer ? 1 : 0);
    }

    public void update(String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = keepAlive.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    public void drop() throws SQLException {
        try (Statement statement = keepAlive.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }
}
