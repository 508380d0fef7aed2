package nm.cte.source;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The rows of {@code enrollment-periods.sql}, one student at a time. The query hands over a PowerSchool student's
 * periods together, in STUDENTS' key order; here each student's periods are put in order (by entry date, the STUDENTS
 * row before a REENROLLMENTS row of the same day, then by row), so that of two periods with one natural key the first
 * is the one sent (D10). PowerSchool students that share a state id are one student: they are held back until the
 * source is read, then come last, together. Only one student's rows are held (and those held back), and students
 * can be judged in parallel without sharing anything. Each row gets CTE_COMPLETER: whether any PowerSchool student of
 * the group completed the program (D8), since they make one record.
 */
public final class StudentRows implements Iterator<List<Map<String, Object>>>, Closeable {

    private static final Comparator<Map<String, Object>> PERIOD_ORDER = Comparator
            .comparing((Map<String, Object> row) -> SourceRows.dateOrNull(row, "ENTRYDATE"), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(row -> String.valueOf(row.get("PERIOD_SOURCE")), Comparator.reverseOrder())
            .thenComparing(row -> row.get("PERIOD_ID") instanceof Number id ? id.longValue() : Long.MAX_VALUE);

    private final Iterator<Map<String, Object>> rows;
    private final Predicate<String> sharedStateId;
    private final Map<Object, List<Map<String, Object>>> heldBack = new LinkedHashMap<>();
    private Iterator<List<Map<String, Object>>> heldBackStudents;
    private Map<String, Object> nextRow;
    private List<Map<String, Object>> nextStudent;

    private StudentRows(Iterator<Map<String, Object>> rows, Predicate<String> sharedStateId) {
        this.rows = rows;
        this.sharedStateId = sharedStateId;
        this.nextRow = rows.hasNext() ? rows.next() : null;
    }

    /**
     * @param sharedStateId whether more than one PowerSchool student carries a state id ({@link SharedStateIds})
     */
    public static StudentRows of(Iterator<Map<String, Object>> rows, Predicate<String> sharedStateId) {
        return new StudentRows(rows, sharedStateId);
    }

    @Override
    public boolean hasNext() {
        if (nextStudent == null) {
            nextStudent = read();
        }
        return nextStudent != null;
    }

    @Override
    public List<Map<String, Object>> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<Map<String, Object>> student = nextStudent;
        nextStudent = null;
        return student;
    }

    /** The next student to judge, or null when there is none. */
    private List<Map<String, Object>> read() {
        while (nextRow != null) {
            List<Map<String, Object>> student = new ArrayList<>(2);
            Object dcid = nextRow.get("STUDENT_DCID");
            do {
                student.add(nextRow);
                nextRow = rows.hasNext() ? rows.next() : null;
            } while (nextRow != null && Objects.equals(dcid, nextRow.get("STUDENT_DCID")));
            Object key = student.get(0).get("STUDENT_KEY");
            if (key != null && sharedStateId.test(key.toString())) {
                heldBack.computeIfAbsent(key, shared -> new ArrayList<>()).addAll(student);
            } else {
                return ordered(student);
            }
        }
        if (heldBackStudents == null) {
            heldBackStudents = heldBack.values().iterator();
        }
        return heldBackStudents.hasNext() ? ordered(heldBackStudents.next()) : null;
    }

    private static List<Map<String, Object>> ordered(List<Map<String, Object>> student) {
        student.sort(PERIOD_ORDER);
        boolean completed = false;
        for (Map<String, Object> row : student) {
            completed |= row.get("COMPLETER") instanceof Number flag && flag.intValue() == 1;
        }
        for (Map<String, Object> row : student) {
            row.put("CTE_COMPLETER", completed ? 1 : 0);
        }
        return student;
    }

    /** Closes the source's result set, also when a run stops early. */
    @Override
    public void close() throws IOException {
        if (rows instanceof Closeable closeable) {
            closeable.close();
        }
    }
}
