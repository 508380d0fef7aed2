package nm.cte.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** D10's natural key: the fields that make two records one, and nothing else. */
class NaturalKeyTest {

    private static final ProgramReference CTE = new ProgramReference(35001000, "Career and Technical Education",
            "uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education");

    private static CteAssociation.NaturalKey key(String student, int school, LocalDate begin, ProgramReference program,
                                                 boolean completed) {
        return new CteAssociation(student, new EducationOrganizationId(school), begin, program, completed).naturalKey();
    }

    @Test
    void recordsDifferingOnlyOutsideTheKeyHaveOneKey() {
        CteAssociation.NaturalKey completed = key("100000002", 35001540, LocalDate.of(2026, 8, 10), CTE, true);
        CteAssociation.NaturalKey notCompleted = key("100000002", 35001540, LocalDate.of(2026, 8, 10),
                new ProgramReference(CTE.educationOrganizationId(), CTE.programName(), CTE.programTypeDescriptor()), false);

        assertEquals(completed, notCompleted);
        assertEquals(1, new HashSet<>(List.of(completed, notCompleted)).size());
    }

    @Test
    void eachFieldOfTheKeyMakesAnotherKey() {
        CteAssociation.NaturalKey key = key("100000002", 35001540, LocalDate.of(2026, 8, 10), CTE, false);

        for (CteAssociation.NaturalKey other : List.of(
                key("100000003", 35001540, LocalDate.of(2026, 8, 10), CTE, false),
                key("100000002", 35001550, LocalDate.of(2026, 8, 10), CTE, false),
                key("100000002", 35001540, LocalDate.of(2026, 8, 11), CTE, false),
                key("100000002", 35001540, LocalDate.of(2026, 8, 10),
                        new ProgramReference(35001540, CTE.programName(), CTE.programTypeDescriptor()), false),
                key("100000002", 35001540, LocalDate.of(2026, 8, 10),
                        new ProgramReference(35001000, "Other", CTE.programTypeDescriptor()), false),
                key("100000002", 35001540, LocalDate.of(2026, 8, 10),
                        new ProgramReference(35001000, CTE.programName(), "uri://ed-fi.org/ProgramTypeDescriptor#Other"), false))) {
            assertNotEquals(key, other, other.toString());
        }
    }
}
