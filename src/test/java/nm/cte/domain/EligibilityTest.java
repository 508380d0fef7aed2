package nm.cte.domain;

import static nm.cte.domain.Periods.FIRST_WEEK;
import static nm.cte.domain.Periods.current;
import static nm.cte.domain.Periods.rules;
import static nm.cte.domain.Periods.student;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EligibilityTest {

    private static void assertOutcome(Status status, Reason reason, Candidate candidate) {
        assertEquals(status, candidate.outcome().status(), candidate.outcome().message());
        assertEquals(reason, candidate.outcome().reason());
    }

    @Test
    void periodPassingEveryRuleIsReadyWithItsRecord() {
        Candidate candidate = rules().judge(Periods.valid());

        assertOutcome(Status.READY, null, candidate);
        CteAssociation record = candidate.association();
        assertEquals("123456789", record.studentUniqueId());
        assertEquals(35001100, record.educationOrganizationId().value());
        assertEquals(FIRST_WEEK, record.beginDate());
        assertEquals(Periods.HIGH_SCHOOL, candidate.school());
    }

    @Test
    void e1MissingEntryDateIsDataException() {
        Candidate candidate = rules().judge(current(student("123456789", false, null), 100, null, null));

        assertOutcome(Status.DATA_EXCEPTION, Reason.MISSING_ENTRY_DATE, candidate);
        assertNull(candidate.association());
    }

    @Test
    void e2NoShowIsExcluded() {
        Candidate candidate = rules().judge(current(student("123456789", false, null), 100, FIRST_WEEK, FIRST_WEEK));

        assertOutcome(Status.EXCLUDED, Reason.NO_SHOW, candidate);
    }

    @Test
    void e3EntryBeforeFirstDayIsNotInSchoolYear() {
        Candidate candidate = rules().judge(current(student("123456789", false, null), 100, LocalDate.of(2026, 8, 9), null));

        assertOutcome(Status.EXCLUDED, Reason.NOT_IN_SCHOOL_YEAR, candidate);
    }

    @Test
    void e3EntryAfterLastDayIsNotInSchoolYear() {
        Candidate candidate = rules().judge(current(student("123456789", false, null), 100, LocalDate.of(2027, 5, 29), null));

        assertOutcome(Status.EXCLUDED, Reason.NOT_IN_SCHOOL_YEAR, candidate);
    }

    @Test
    void e3EntryOnFirstAndLastDayIsInSchoolYear() {
        assertOutcome(Status.READY, null, rules().judge(current(student("1", false, null), 100, LocalDate.of(2026, 8, 10), null)));
        assertOutcome(Status.READY, null, rules().judge(current(student("1", false, null), 100, LocalDate.of(2027, 5, 28), null)));
    }

    @Test
    void e4StudentExcludedFromStateReportingIsExcluded() {
        Candidate candidate = rules().judge(current(student("123456789", true, null), 100, FIRST_WEEK, null));

        assertOutcome(Status.EXCLUDED, Reason.STUDENT_EXCLUDED, candidate);
    }

    @Test
    void e5EnrollmentSchoolMissingFromSchoolsIsDataException() {
        Candidate candidate = rules().judge(current(student("123456789", false, null), 999, FIRST_WEEK, null));

        assertOutcome(Status.DATA_EXCEPTION, Reason.UNKNOWN_SCHOOL, candidate);
        assertTrue(candidate.outcome().message().contains("999"));
    }

    @Test
    void e6SchoolExcludedFromStateReportingIsExcluded() {
        Candidate candidate = rules().judge(current(student("123456789", false, null), 300, FIRST_WEEK, null));

        assertOutcome(Status.EXCLUDED, Reason.SCHOOL_EXCLUDED, candidate);
    }

    @Test
    void e7MissingStateStudentNumberIsDependency() {
        Candidate candidate = rules().judge(current(student(null, false, null), 100, FIRST_WEEK, null));

        assertOutcome(Status.DEPENDENCY, Reason.MISSING_STUDENT_UNIQUE_ID, candidate);
    }

    @Test
    void e7BlankStateStudentNumberIsDependency() {
        Candidate candidate = rules().judge(current(student("   ", false, null), 100, FIRST_WEEK, null));

        assertOutcome(Status.DEPENDENCY, Reason.MISSING_STUDENT_UNIQUE_ID, candidate);
    }

    @Test
    void e8StudentUniqueIdOf33CharactersIsDataException() {
        Candidate candidate = rules().judge(current(student("1".repeat(33), false, null), 100, FIRST_WEEK, null));

        assertOutcome(Status.DATA_EXCEPTION, Reason.INVALID_STUDENT_UNIQUE_ID, candidate);
    }

    @Test
    void e8StudentUniqueIdOf32CharactersAfterTrimmingIsAccepted() {
        Candidate candidate = rules().judge(current(student("  " + "1".repeat(32) + " ", false, null), 100, FIRST_WEEK, null));

        assertOutcome(Status.READY, null, candidate);
        assertEquals("1".repeat(32), candidate.association().studentUniqueId());
    }

    @Test
    void e9DistrictNumberNotNumericIsInvalidDistrictNumber() {
        Candidate candidate = rules("ABC").judge(Periods.valid());

        assertOutcome(Status.DATA_EXCEPTION, Reason.INVALID_DISTRICT_NUMBER, candidate);
    }

    @Test
    void e9MissingDistrictNumberIsInvalidDistrictNumber() {
        Candidate candidate = rules(null).judge(Periods.valid());

        assertOutcome(Status.DATA_EXCEPTION, Reason.INVALID_DISTRICT_NUMBER, candidate);
    }

    @Test
    void e9LocationCodeWithLettersIsInvalidBuildingNumber() {
        Candidate candidate = rules().judge(current(student("123456789", false, "AB"), 100, FIRST_WEEK, null));

        assertOutcome(Status.DATA_EXCEPTION, Reason.INVALID_BUILDING_NUMBER, candidate);
    }

    @Test
    void firstFailingRuleInSpecOrderDecides() {
        // a no-show (E2) of an excluded student (E4) without a state id (E7), outside the year (E3)
        LocalDate summer = LocalDate.of(2026, 7, 15);
        Candidate candidate = rules().judge(current(student(null, true, null), 999, summer, summer));

        assertOutcome(Status.EXCLUDED, Reason.NO_SHOW, candidate);
    }

    @Test
    void completionComesFromTheStudentsCredentials() {
        EnrollmentPeriod.Student completer = new EnrollmentPeriod.Student(10, 5001L, "Garcia", "Ana", "123456789", false, null, true);

        Candidate candidate = rules().judge(current(completer, 100, FIRST_WEEK, null));

        assertTrue(candidate.association().completed());
    }
}
