package nm.cte.export;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import nm.cte.ledger.ResultRow;
import nm.cte.ledger.RunOverview.Count;
import nm.cte.ledger.RunOverview;

/** Small runs and records for the export tests. */
final class Fixtures {

    static final LocalDateTime STARTED = LocalDateTime.of(2026, 9, 14, 6, 0, 0);
    static final LocalDateTime ENDED = LocalDateTime.of(2026, 9, 14, 7, 3, 25);

    private Fixtures() {
    }

    static RunOverview overview() {
        return new RunOverview(42, "full", "all schools", "2026-2027", STARTED, ENDED, "completed",
                List.of(new Count("PUBLISHED", null, null, 2), new Count("EXCLUDED", null, null, 1)),
                List.of(new Count("NOT_IN_SCHOOL_YEAR", "E3", "EXCLUDED", 1)));
    }

    static ResultRow published() {
        return new ResultRow("Cibola High", 12345L, "Peña, Ana", 11, "Welding", LocalDate.of(2026, 8, 12),
                LocalDate.of(2027, 5, 28), "123456789", 35001123, "PUBLISHED", null, null,
                LocalDateTime.of(2026, 9, 14, 6, 1, 2), "3f2c9a1e-7b4d-4c2a-9e1f-0a5b6c7d8e9f");
    }

    static ResultRow named(String studentName) {
        return new ResultRow("Cibola High", 1L, studentName, 9, null, null, null, null, null, "READY", null, null,
                null, null);
    }

    static ResultRow withMessage(String message) {
        return new ResultRow(null, null, null, null, null, null, null, null, null, "ERROR", "ODS_REJECTED", message,
                null, null);
    }

    static ResultRow blank() {
        return new ResultRow(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Records whose PS Student Numbers are 1 to {@code count}, so that a test can tell where each one went. */
    static Iterator<ResultRow> numbered(int count) {
        List<ResultRow> rows = new ArrayList<>();
        for (long number = 1; number <= count; number++) {
            rows.add(new ResultRow("Cibola High", number, "Student " + number, 10, null, null, null, null, null,
                    "PUBLISHED", null, null, null, null));
        }
        return rows.iterator();
    }

    static Iterator<ResultRow> rows(ResultRow... rows) {
        return List.of(rows).iterator();
    }
}
