package nm.cte.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nm.cte.source.StudentRows;
import org.junit.jupiter.api.Test;

class StudentBatchesTest {

    @Test
    void batchesStartSmallAndDoubleUpToTheirSize() {
        List<Integer> sizes = batchSizes(1_000);

        assertEquals(List.of(8, 16, 32, 64, 128, 256, 256, 240), sizes);
    }

    @Test
    void everyStudentIsInOneBatch() {
        assertEquals(37, batchSizes(37).stream().mapToInt(Integer::intValue).sum());
    }

    /** The number of students in each batch of a source of single-period students. */
    private static List<Integer> batchSizes(int students) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int dcid = 0; dcid < students; dcid++) {
            rows.add(new HashMap<>(Map.of("STUDENT_DCID", dcid, "STUDENT_KEY", "DCID " + dcid, "PERIOD_SOURCE", "STUDENTS",
                    "PERIOD_ID", dcid)));
        }
        List<Integer> sizes = new ArrayList<>();
        StudentBatches batches = new StudentBatches(StudentRows.of(rows.iterator(), id -> false), null);
        while (batches.hasNext()) {
            sizes.add(batches.next().students().size());
        }
        return sizes;
    }
}
