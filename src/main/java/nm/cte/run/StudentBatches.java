package nm.cte.run;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import nm.cte.source.StudentRows;

/**
 * The source's students, a batch at a time (StudentBatch). The first batch is small and each next one twice as large,
 * up to {@link StudentBatch#PERIODS}: the first records leave for the ODS as soon as a few students are decided, not
 * once a whole batch is, while the connections would otherwise wait.
 */
final class StudentBatches implements Iterator<StudentBatch>, Closeable {

    private static final int FIRST_PERIODS = 8;

    private final StudentRows students;
    private final Run run;
    private int periodsWanted = FIRST_PERIODS;

    StudentBatches(StudentRows students, Run run) {
        this.students = students;
        this.run = run;
    }

    @Override
    public boolean hasNext() {
        return students.hasNext();
    }

    @Override
    public StudentBatch next() {
        List<List<Map<String, Object>>> batch = new ArrayList<>();
        int periods = 0;
        do {
            List<Map<String, Object>> student = students.next();
            batch.add(student);
            periods += student.size();
        } while (periods < periodsWanted && students.hasNext());
        periodsWanted = Math.min(StudentBatch.PERIODS, 2 * periodsWanted);
        return new StudentBatch(run, batch, periods);
    }

    @Override
    public void close() throws IOException {
        students.close();
    }
}
