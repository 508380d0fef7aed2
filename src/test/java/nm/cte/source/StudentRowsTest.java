package nm.cte.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StudentRowsTest {

    @Test
    void studentsSharingAStateIdComeTogetherAfterTheOthers() {
        List<Map<String, Object>> source = List.of(
                row(1, "STUDENTS", 1, "111", "2026-08-12", 0),
                row(2, "STUDENTS", 2, "222", "2026-08-12", 0),
                row(3, "STUDENTS", 3, "111", "2026-09-01", 1));

        List<List<Map<String, Object>>> students = all(StudentRows.of(source.iterator(), Set.of("111")::contains));

        assertEquals(List.of(List.of(2L), List.of(1L, 3L)), periodIds(students));
    }

    @Test
    void aSharedStateIdCompletesWhenAnyOfItsStudentsDid() {
        List<Map<String, Object>> source = List.of(
                row(1, "STUDENTS", 1, "111", "2026-08-12", 0),
                row(3, "STUDENTS", 3, "111", "2026-09-01", 1));

        List<Map<String, Object>> student = all(StudentRows.of(source.iterator(), Set.of("111")::contains)).get(0);

        assertEquals(List.of(1, 1), student.stream().map(period -> period.get("CTE_COMPLETER")).toList());
    }

    @Test
    void aStudentsPeriodsAreInEntryOrderWithTheStudentsRowFirstOnATie() {
        List<Map<String, Object>> source = List.of(
                row(7, "STUDENTS", 7, "777", "2026-10-01", 0),
                row(70, "REENROLLMENTS", 7, "777", "2026-08-12", 0),
                row(71, "REENROLLMENTS", 7, "777", "2026-10-01", 0),
                row(72, "REENROLLMENTS", 7, "777", null, 0));

        List<List<Map<String, Object>>> students = all(StudentRows.of(source.iterator(), Set.<String>of()::contains));

        assertEquals(List.of(List.of(70L, 7L, 71L, 72L)), periodIds(students));
    }

    private static Map<String, Object> row(long periodId, String source, long studentDcid, String stateId, String entryDate,
                                           int completer) {
        Map<String, Object> row = new HashMap<>();
        row.put("PERIOD_ID", periodId);
        row.put("PERIOD_SOURCE", source);
        row.put("STUDENT_DCID", studentDcid);
        row.put("STUDENT_KEY", stateId);
        row.put("ENTRYDATE", entryDate == null ? null : Date.valueOf(entryDate));
        row.put("COMPLETER", completer);
        return row;
    }

    private static List<List<Map<String, Object>>> all(StudentRows rows) {
        List<List<Map<String, Object>>> students = new ArrayList<>();
        rows.forEachRemaining(students::add);
        return students;
    }

    private static List<List<Long>> periodIds(List<List<Map<String, Object>>> students) {
        return students.stream().map(student -> student.stream().map(period -> (Long) period.get("PERIOD_ID")).toList()).toList();
    }
}
