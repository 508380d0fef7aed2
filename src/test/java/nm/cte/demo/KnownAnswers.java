package nm.cte.demo;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The tests' oracle of the demo district: what a run must decide for each enrollment period of each student, written
 * down from the spec's rules by hand (the scenarios' answers by student number, the random students' by the case they
 * were made as), never computed by the publisher's rules.
 */
public final class KnownAnswers implements Consumer<GeneratedStudent> {

    /**
     * The documented scenarios (see {@link DemoDistrict}): per STUDENT_NUMBER, the answer for each period ({@code -}: a
     * student who is no CTE participant has none).
     */
    private static final Map<Long, List<Answer>> SCENARIOS = scenarios("""
            200001 | READY
            200002 | READY
            200003 | READY
            200004 | READY
            200005 | READY
            200006 | -
            200007 | -
            200008 | -
            200009 | READY
            200010 | SCHOOL_EXCLUDED
            200011 | UNKNOWN_SCHOOL
            200012 | READY
            200013 | READY
            200014 | READY READY
            200015 | READY NOT_IN_SCHOOL_YEAR
            200016 | READY NOT_IN_SCHOOL_YEAR
            200017 | READY SCHOOL_EXCLUDED
            200018 | READY UNKNOWN_SCHOOL
            200019 | READY NO_SHOW
            200020 | READY
            200021 | READY
            200022 | INVALID_BUILDING_NUMBER
            200023 | READY
            200024 | READY
            200025 | READY
            200026 | INVALID_BUILDING_NUMBER
            200027 | READY
            200028 | SCHOOL_EXCLUDED
            200029 | INVALID_BUILDING_NUMBER
            200030 | STUDENT_EXCLUDED
            200031 | STUDENT_EXCLUDED
            200032 | SCHOOL_EXCLUDED
            200033 | UNKNOWN_SCHOOL
            200034 | MISSING_STUDENT_UNIQUE_ID
            200035 | MISSING_STUDENT_UNIQUE_ID
            200036 | MISSING_STUDENT_UNIQUE_ID
            200037 | INVALID_STUDENT_UNIQUE_ID
            200038 | READY
            200039 | READY
            200040 | MISSING_ENTRY_DATE
            200041 | NO_SHOW
            200042 | NO_SHOW
            200043 | NOT_IN_SCHOOL_YEAR
            200044 | NOT_IN_SCHOOL_YEAR READY
            200045 | READY
            200046 | READY DUPLICATE_NATURAL_KEY
            200047 | READY READY
            """);

    private final Map<Long, List<Answer>> byStudent = new TreeMap<>();
    private final Map<Long, List<Case>> cases = new TreeMap<>();

    /** Generates the demo district in {@code db} and answers what a run over it must decide. */
    public static KnownAnswers ofDemoDistrict(DataSource db, int enrollmentPeriods, int schoolYearEnding, long seed)
            throws SQLException {
        KnownAnswers answers = new KnownAnswers();
        DemoDistrict.generate(db, enrollmentPeriods, schoolYearEnding, seed, answers);
        return answers;
    }

    /** Takes down the answers for a student the generator made. */
    @Override
    public void accept(GeneratedStudent student) {
        if (!student.periods().isEmpty()) {
            byStudent.put(student.studentNumber(), answers(student));
            cases.put(student.studentNumber(), student.periods());
        }
    }

    /** Per STUDENT_NUMBER of every student with enrollment periods, their answers sorted; no one else has any. */
    public Map<Long, List<Answer>> byStudent() {
        return Collections.unmodifiableMap(byStudent);
    }

    /** The cases the student's periods were made as, to say in a failure what the generator meant. */
    public List<Case> casesOf(long studentNumber) {
        return cases.getOrDefault(studentNumber, List.of());
    }

    /** The enrollment periods that must be READY: every rule passed, the first of its natural key. */
    public long ready() {
        return byStudent.values().stream().flatMap(List::stream).filter(Answer.READY::equals).count();
    }

    /** All enrollment periods of the district's CTE participants. */
    public long periods() {
        return byStudent.values().stream().mapToLong(List::size).sum();
    }

    private static List<Answer> answers(GeneratedStudent student) {
        List<Answer> answers;
        if (student.periods().contains(Case.SCENARIO)) {
            answers = new ArrayList<>(SCENARIOS.getOrDefault(student.studentNumber(), List.of()));
            if (answers.size() != student.periods().size()) {
                throw new IllegalStateException("scenario student " + student.studentNumber() + " was made with "
                        + student.periods().size() + " periods; its known answers are " + answers);
            }
        } else {
            answers = new ArrayList<>(student.periods().stream().map(KnownAnswers::answer).toList());
        }
        answers.sort(null);
        return List.copyOf(answers);
    }

    /** What the spec says of a random student's period made as this case. */
    private static Answer answer(Case made) {
        return switch (made) {
            case PARTICIPANT, TRANSFER, MOVED_AWAY, LOCATION_OVERRIDE -> Answer.READY;
            case MISSING_ENTRY_DATE -> Answer.of("MISSING_ENTRY_DATE");
            case NO_SHOW -> Answer.of("NO_SHOW");
            // last year's period fails E3 before any rule about the student could
            case LAST_YEAR, BEFORE_YEAR, NEXT_YEAR -> Answer.of("NOT_IN_SCHOOL_YEAR");
            case STUDENT_EXCLUDED -> Answer.of("STUDENT_EXCLUDED");
            case CLOSED_SCHOOL -> Answer.of("UNKNOWN_SCHOOL");
            case EXCLUDED_SCHOOL, LEFT_EXCLUDED_SCHOOL -> Answer.of("SCHOOL_EXCLUDED");
            case MISSING_STATE_ID -> Answer.of("MISSING_STUDENT_UNIQUE_ID");
            case OVERLONG_STATE_ID -> Answer.of("INVALID_STUDENT_UNIQUE_ID");
            case BAD_LOCATION, NO_BUILDING -> Answer.of("INVALID_BUILDING_NUMBER");
            case REPEATED -> Answer.of("DUPLICATE_NATURAL_KEY");
            case SCENARIO -> throw new IllegalArgumentException("a scenario's answers are listed by student number");
        };
    }

    private static Map<Long, List<Answer>> scenarios(String table) {
        Map<Long, List<Answer>> scenarios = new TreeMap<>();
        table.lines().forEach(line -> {
            String[] columns = line.split("\\|");
            String answers = columns[1].strip();
            scenarios.put(Long.parseLong(columns[0].strip()),
                    answers.equals("-") ? List.of() : Arrays.stream(answers.split(" ")).map(Answer::of).toList());
        });
        return scenarios;
    }

    /**
     * What a run decides for one enrollment period as the spec's table of rules words it: READY, or the status, the
     * reason code and the rule that gives it.
     */
    public record Answer(String status, String reason, String rule) implements Comparable<Answer> {

        public static final Answer READY = new Answer("READY", "", "");

        /** The spec's table: the rule and the status of each reason code the demo district gives. */
        private static final Map<String, Answer> BY_REASON = Map.ofEntries(
                Map.entry("MISSING_ENTRY_DATE", new Answer("DATA_EXCEPTION", "MISSING_ENTRY_DATE", "E1")),
                Map.entry("NO_SHOW", new Answer("EXCLUDED", "NO_SHOW", "E2")),
                Map.entry("NOT_IN_SCHOOL_YEAR", new Answer("EXCLUDED", "NOT_IN_SCHOOL_YEAR", "E3")),
                Map.entry("STUDENT_EXCLUDED", new Answer("EXCLUDED", "STUDENT_EXCLUDED", "E4")),
                Map.entry("UNKNOWN_SCHOOL", new Answer("DATA_EXCEPTION", "UNKNOWN_SCHOOL", "E5")),
                Map.entry("SCHOOL_EXCLUDED", new Answer("EXCLUDED", "SCHOOL_EXCLUDED", "E6")),
                Map.entry("MISSING_STUDENT_UNIQUE_ID", new Answer("DEPENDENCY", "MISSING_STUDENT_UNIQUE_ID", "E7")),
                Map.entry("INVALID_STUDENT_UNIQUE_ID", new Answer("DATA_EXCEPTION", "INVALID_STUDENT_UNIQUE_ID", "E8")),
                Map.entry("INVALID_BUILDING_NUMBER", new Answer("DATA_EXCEPTION", "INVALID_BUILDING_NUMBER", "E9")),
                Map.entry("DUPLICATE_NATURAL_KEY", new Answer("EXCLUDED", "DUPLICATE_NATURAL_KEY", "D10")));

        /** READY, or the answer of a reason code of the spec's table. */
        static Answer of(String readyOrReason) {
            if (readyOrReason.equals(READY.status())) {
                return READY;
            }
            Answer answer = BY_REASON.get(readyOrReason);
            if (answer == null) {
                throw new IllegalArgumentException("no reason code " + readyOrReason + " in the spec's table");
            }
            return answer;
        }

        @Override
        public int compareTo(Answer other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return reason.isEmpty() ? status : reason + " (" + rule + ", " + status + ")";
        }
    }
}
