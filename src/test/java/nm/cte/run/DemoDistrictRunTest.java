package nm.cte.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nm.cte.PowerSchoolFixture;
import nm.cte.PublisherHarness;
import nm.cte.demo.KnownAnswers;
import nm.cte.demo.KnownAnswers.Answer;
import nm.cte.domain.Candidate;
import nm.cte.domain.Reason;
import org.junit.jupiter.api.Test;

/** The whole run route over the demo district: every student's periods decided as the known answers say. */
class DemoDistrictRunTest {

    /** At most this many wrong students are listed in a failure; the count says how many there are. */
    private static final int LISTED = 25;

    private static void assertRunDecidesAsKnown(PowerSchoolFixture source, int periods, long seed) throws Exception {
        KnownAnswers known = KnownAnswers.ofDemoDistrict(source.dataSource(), periods, 2027, seed);
        Decisions decided = new Decisions();

        try (PublisherHarness publisher = new PublisherHarness(decided, source.url())) {
            Run run = publisher.dryRun();

            Set<Long> students = new TreeSet<>(known.byStudent().keySet());
            students.addAll(decided.byStudent().keySet());
            List<String> wrong = new ArrayList<>();
            for (long student : students) {
                List<Answer> expected = known.byStudent().getOrDefault(student, List.of());
                List<Answer> actual = decided.byStudent().getOrDefault(student, List.of());
                if (!expected.equals(actual)) {
                    wrong.add("student " + student + " made as " + known.casesOf(student) + ": expected " + expected
                            + ", the run decided " + actual);
                }
            }
            assertTrue(wrong.isEmpty(), wrong.size() + " of " + students.size() + " students decided otherwise than"
                    + " known:\n" + String.join("\n", wrong.subList(0, Math.min(LISTED, wrong.size()))));
            assertEquals(known.periods(), run.summary().candidates(), "candidate enrollment periods");
            assertEquals(0, decided.deletions(), "deletions from a fresh ledger");
        }
    }

    @Test
    void demoDistrictIsDecidedStudentByStudentAsKnown() throws Exception {
        assertRunDecidesAsKnown(PowerSchoolFixture.blank(false), 600, 42);
    }

    @Test
    void demoDistrictInOracleDialectIsDecidedTheSame() throws Exception {
        assertRunDecidesAsKnown(PowerSchoolFixture.blank(true), 600, 42);
    }

    @Test
    void largerDemoDistrictWithAnotherSeedIsDecidedAsKnown() throws Exception {
        assertRunDecidesAsKnown(PowerSchoolFixture.blank(false), 5_000, 7);
    }

    /** What a dry run decided for each record, per STUDENT_NUMBER (0 for a row it could not read), in the oracle's words. */
    private static final class Decisions implements RecordPrinter {
        private final Map<Long, List<Answer>> byStudent = new TreeMap<>();
        private int deletions;

        @Override
        public synchronized void printRecord(Candidate candidate, StudentBatch batch) {
            Reason reason = candidate.outcome().reason();
            Answer answer = new Answer(candidate.outcome().status().name(), reason == null ? "" : reason.name(),
                    reason == null ? "" : reason.rule());
            long student = candidate.period() == null ? 0 : candidate.period().student().studentNumber();
            List<Answer> answers = byStudent.computeIfAbsent(student, s -> new ArrayList<>());
            answers.add(answer);
            answers.sort(null);
        }

        @Override
        public synchronized void printRecord(Deletion deletion, Run run) {
            deletions++;
        }

        synchronized Map<Long, List<Answer>> byStudent() {
            return byStudent;
        }

        synchronized int deletions() {
            return deletions;
        }
    }
}
