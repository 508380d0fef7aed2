package nm.cte.source;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The rows of {@code enrollment-periods.sql}, one student at a time: the query sorts them by STUDENT_KEY, so a
 * student's periods (and those of PowerSchool students sharing a state id) are neighbours. Only one student's rows
 * are held, and students can be judged in parallel without sharing anything. Each row gets CTE_COMPLETER: whether
 * any PowerSchool student of the group completed the program (D8), since they make one record (D10).
 */
public final class StudentRows implements Iterator<List<Map<String, Object>>>, Closeable {

    private final Iterator<Map<String, Object>> rows;
    private final BooleanSupplier stopped;
    private Map<String, Object> next;

    private StudentRows(Iterator<Map<String, Object>> rows, BooleanSupplier stopped) {
        this.rows = rows;
        this.stopped = stopped;
        this.next = rows.hasNext() ? rows.next() : null;
    }

    /** @param stopped says when to read no further, e.g. once the ODS stopped answering */
    public static StudentRows of(Iterator<Map<String, Object>> rows, BooleanSupplier stopped) {
        return new StudentRows(rows, stopped);
    }

    @Override
    public boolean hasNext() {
        return next != null && !stopped.getAsBoolean();
    }

    @Override
    public List<Map<String, Object>> next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        List<Map<String, Object>> student = new ArrayList<>(2);
        Object key = next.get("STUDENT_KEY");
        boolean completed = false;
        do {
            student.add(next);
            completed |= next.get("COMPLETER") instanceof Number flag && flag.intValue() == 1;
            next = rows.hasNext() ? rows.next() : null;
        } while (next != null && Objects.equals(key, next.get("STUDENT_KEY")));
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
