package nm.cte.domain;

import static nm.cte.domain.Periods.rules;
import static nm.cte.domain.Periods.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** D5: which school a period counts for. */
class EnrollmentSchoolTest {

    @Test
    void transferredOutStudentUsesEnrollmentSchool() {
        EnrollmentPeriod period = transfer(200, 100, 2, null);

        assertEquals(100, period.enrollmentSchoolNumber());
        assertEquals(35001100, rules().judge(period).association().educationOrganizationId().value());
    }

    @Test
    void transferredOutStudentWithoutEnrollmentSchoolUsesSchoolId() {
        assertEquals(200, transfer(200, null, 2, null).enrollmentSchoolNumber());
    }

    @Test
    void transferredOutStudentWithSameEnrollmentSchoolUsesSchoolId() {
        assertEquals(200, transfer(200, 200, 2, null).enrollmentSchoolNumber());
    }

    @Test
    void activeStudentWithOtherEnrollmentSchoolUsesSchoolId() {
        assertEquals(200, transfer(200, 100, 0, null).enrollmentSchoolNumber());
    }

    @Test
    void locationCodeStillWinsForTransferredOutStudent() {
        EnrollmentPeriod period = transfer(200, 100, 2, "045");

        assertEquals(35001045, rules().judge(period).association().educationOrganizationId().value());
    }

    @Test
    void reenrollmentUsesItsOwnSchool() {
        EnrollmentPeriod period = Periods.reenrollment(200, LocalDate.of(2026, 9, 1));

        assertEquals(200, period.enrollmentSchoolNumber());
        assertEquals("Mesa Alternative", rules().judge(period).school().name());
    }

    @Test
    void reenrollmentSchoolExcludedFromReportingIsExcluded() {
        Candidate candidate = rules().judge(Periods.reenrollment(300, LocalDate.of(2026, 9, 1)));

        assertEquals(Reason.SCHOOL_EXCLUDED, candidate.outcome().reason());
    }
}
