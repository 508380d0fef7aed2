package nm.cte.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nm.cte.PowerSchoolFixture;
import org.junit.jupiter.api.Test;

/**
 * shared-state-ids-of-student.sql: a student's run (--student, explain) reads the state ids of the STUDENTS rows it
 * names (D8, D10), not the district's, in H2 and in Oracle's dialect.
 */
class StudentStateIdsTest {

    private static final LocalDate AUGUST = LocalDate.of(2026, 8, 12);

    @Test
    void aStudentsRunReadsTheStateIdsOfTheRowsItNamesOnly() throws Exception {
        aStudentsRunReadsTheStateIdsOfTheRowsItNamesOnly(PowerSchoolFixture.empty());
    }

    @Test
    void aStudentsRunReadsTheStateIdsOfTheRowsItNamesOnlyInOraclesDialect() throws Exception {
        aStudentsRunReadsTheStateIdsOfTheRowsItNamesOnly(PowerSchoolFixture.oracleMode());
    }

    private static void aStudentsRunReadsTheStateIdsOfTheRowsItNamesOnly(PowerSchoolFixture source) throws Exception {
        source.student("123456789", 100, AUGUST);
        source.student(" 123456789 ", 200, AUGUST);
        int other = source.student("223456789", 100, AUGUST);
        source.student("223456789", 200, AUGUST);
        for (int i = 0; i < 20; i++) {
            source.student(Integer.toString(300000000 + i), 100, AUGUST);
        }

        assertEquals(List.of("123456789", "123456789"), stateIds(source, "123456789"), "named by state id: both rows that carry it");
        assertEquals(List.of("223456789"), stateIds(source, studentNumber(source, other)), "named by PS student number: its row");
    }

    /** The rows of the query as the run reads them, the student given. */
    private static List<String> stateIds(PowerSchoolFixture source, String student) throws SQLException, IOException {
        String sql;
        try (InputStream file = StudentStateIdsTest.class.getResourceAsStream("/sql/shared-state-ids-of-student.sql")) {
            sql = new String(file.readAllBytes(), StandardCharsets.UTF_8);
        }
        int parameters = sql.split(":#student", -1).length - 1;
        List<String> ids = new ArrayList<>();
        try (Connection connection = source.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(sql.replace(":#student", "?"))) {
            for (int i = 1; i <= parameters; i++) {
                select.setString(i, student);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString("STATE_ID"));
                }
            }
        }
        return ids;
    }

    private static String studentNumber(PowerSchoolFixture source, int dcid) throws SQLException {
        try (Connection connection = source.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT STUDENT_NUMBER FROM STUDENTS WHERE DCID = ?")) {
            select.setInt(1, dcid);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return Long.toString(row.getLong(1));
            }
        }
    }
}
