package nm.cte.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import nm.cte.PowerSchoolFixture;
import nm.cte.PublisherHarness;
import nm.cte.domain.Reason;
import nm.cte.domain.Status;
import org.junit.jupiter.api.Test;

/** D1-D4 and D10 as the run route reads them from PowerSchool: which periods are candidates, and what they become. */
class CandidateSelectionTest {

    private static final LocalDate AUGUST = LocalDate.of(2026, 8, 12);

    private static Run dryRun(PowerSchoolFixture source) throws Exception {
        try (PublisherHarness publisher = new PublisherHarness(source.url())) {
            return publisher.dryRun();
        }
    }

    @Test
    void studentWithoutCredentialIsNoCandidate() throws Exception {
        PowerSchoolFixture source = PowerSchoolFixture.district();
        source.student("123456789", 100, AUGUST);

        assertEquals(0, dryRun(source).summary().candidates());
    }

    @Test
    void credentialWithoutEarnedDateMakesParticipant() throws Exception {
        PowerSchoolFixture source = PowerSchoolFixture.district();
        source.credential(source.student("123456789", 100, AUGUST), null, false);

        Run run = dryRun(source);

        assertEquals(1, run.summary().candidates());
        assertEquals(1, run.summary().count(Status.READY));
    }

    @Test
    void credentialEarnedInAnotherSchoolYearMakesNoParticipant() throws Exception {
        PowerSchoolFixture source = PowerSchoolFixture.district();
        source.credential(source.student("123456789", 100, AUGUST), LocalDate.of(2026, 5, 1), true);

        assertEquals(0, dryRun(source).summary().candidates());
    }

    @Test
    void severalCountingCredentialsMakeOneCandidatePerPeriod() throws Exception {
        PowerSchoolFixture source = PowerSchoolFixture.district();
        int student = source.student("123456789", 100, AUGUST);
        source.credential(student, null, false);
        source.credential(student, LocalDate.of(2026, 10, 1), false);
        source.credential(student, LocalDate.of(2027, 3, 1), false);

        assertEquals(1, dryRun(source).summary().candidates());
    }

    @Test
    void everyReenrollmentIsItsOwnPeriod() throws Exception {
        PowerSchoolFixture source = PowerSchoolFixture.district();
        int student = source.student("123456789", 100, LocalDate.of(2027, 1, 5));
        source.credential(student, null, false);
        source.reenrollment(student, 200, AUGUST, LocalDate.of(2026, 10, 1));
        source.reenrollment(student, 100, LocalDate.of(2026, 10, 20), LocalDate.of(2026, 12, 18));

        Run run = dryRun(source);

        assertEquals(3, run.summary().candidates());
        assertEquals(3, run.summary().count(Status.READY));
    }

    @Test
    void samePeriodInStudentsAndReenrollmentsIsOneRecord() throws Exception {
        PowerSchoolFixture source = PowerSchoolFixture.district();
        int student = source.student("123456789", 100, AUGUST);
        source.credential(student, null, false);
        source.reenrollment(student, 100, AUGUST, LocalDate.of(2026, 12, 18));

        Run run = dryRun(source);

        assertEquals(1, run.summary().count(Status.READY));
        assertEquals(1, run.summary().count(Reason.DUPLICATE_NATURAL_KEY));
    }

    @Test
    void studentsSharingStateIdAreOneRecordCompletedWhenEitherCompleted() throws Exception {
        PowerSchoolFixture source = PowerSchoolFixture.district();
        source.credential(source.student("123456789", 100, AUGUST), null, false);
        source.credential(source.student(" 123456789", 100, AUGUST), null, true);

        try (PublisherHarness publisher = new PublisherHarness(source.url())) {
            Run run = publisher.dryRun();

            assertEquals(1, run.summary().count(Status.READY));
            assertEquals(1, run.summary().count(Reason.DUPLICATE_NATURAL_KEY));
            assertTrue(publisher.printed().contains("\"cteProgramCompletionIndicator\":true"), publisher.printed());
        }
    }

    /** A district of one school in a database that speaks Oracle's dialect, as PowerSchool's does. */
    private static PowerSchoolFixture oracleDistrict() throws Exception {
        PowerSchoolFixture source = PowerSchoolFixture.oracleMode();
        source.districtNumber(0, "001");
        source.yearTerm(2027, LocalDate.of(2026, 8, 10), LocalDate.of(2027, 5, 28));
        source.school(100, 0, "Rio Grande High", false);
        return source;
    }

    @Test
    void aStudentNamedByASharedStateIdIsOneRecordCompletedWhenEitherCompleted() throws Exception {
        aStudentNamedByASharedStateIdIsOneRecordCompletedWhenEitherCompleted(PowerSchoolFixture.district());
    }

    @Test
    void aStudentNamedByASharedStateIdIsOneRecordCompletedWhenEitherCompletedInOraclesDialect() throws Exception {
        PowerSchoolFixture source = oracleDistrict();
        aStudentNamedByASharedStateIdIsOneRecordCompletedWhenEitherCompleted(source);
    }

    private static void aStudentNamedByASharedStateIdIsOneRecordCompletedWhenEitherCompleted(PowerSchoolFixture source)
            throws Exception {
        source.credential(source.student("123456789", 100, AUGUST), null, false);
        source.credential(source.student(" 123456789", 100, AUGUST), null, true);
        source.credential(source.student("223456789", 100, AUGUST), null, false);

        try (PublisherHarness publisher = new PublisherHarness(source.url())) {
            Run run = publisher.run(RunOptions.explaining("123456789"));

            assertEquals(1, run.summary().count(Status.READY));
            assertEquals(1, run.summary().count(Reason.DUPLICATE_NATURAL_KEY));
            assertTrue(publisher.printed().contains("\"cteProgramCompletionIndicator\":true"), publisher.printed());
        }
    }

    @Test
    void schoolYearBoundsComeFromTheDistrictYearTerm() throws Exception {
        PowerSchoolFixture source = PowerSchoolFixture.district();
        source.credential(source.student("123456789", 100, LocalDate.of(2026, 7, 15)), null, false);

        assertEquals(1, dryRun(source).summary().count(Reason.NOT_IN_SCHOOL_YEAR));
    }

    @Test
    void schoolYearWithoutTermRunsFromJulyFirst() throws Exception {
        PowerSchoolFixture source = PowerSchoolFixture.empty();
        source.districtNumber(0, "1");
        source.school(100, 0, "Rio Grande High", false);
        source.credential(source.student("123456789", 100, LocalDate.of(2026, 7, 15)), null, false);

        assertEquals(1, dryRun(source).summary().count(Status.READY));
    }

    @Test
    void districtWideDistrictNumberWinsOverSchoolOne() throws Exception {
        PowerSchoolFixture source = PowerSchoolFixture.empty();
        source.districtNumber(100, "2");
        source.districtNumber(null, "1");
        source.school(100, 0, "Rio Grande High", false);
        source.credential(source.student("123456789", 100, AUGUST), null, false);

        try (PublisherHarness publisher = new PublisherHarness(source.url())) {
            publisher.dryRun();

            assertTrue(publisher.printed().contains("\"educationOrganizationId\":35001100"), publisher.printed());
        }
    }

    @Test
    void missingDistrictNumberMakesEveryRecordInvalid() throws Exception {
        PowerSchoolFixture source = PowerSchoolFixture.empty();
        source.school(100, 0, "Rio Grande High", false);
        source.credential(source.student("123456789", 100, AUGUST), null, false);
        source.credential(source.student("223456789", 100, AUGUST), null, false);

        assertEquals(2, dryRun(source).summary().count(Reason.INVALID_DISTRICT_NUMBER));
    }

    @Test
    void recordFailingTheSchemaIsSchemaInvalid() throws Exception {
        PowerSchoolFixture source = PowerSchoolFixture.district();
        source.credential(source.student("123456789", 100, AUGUST), null, false);

        try (PublisherHarness publisher = new PublisherHarness(source.url(), "cte.descriptor-namespace", "uri://" + "x".repeat(300))) {
            Run run = publisher.dryRun();

            assertEquals(1, run.summary().count(Reason.SCHEMA_INVALID));
            assertEquals(Status.DATA_EXCEPTION, Reason.SCHEMA_INVALID.status());
            assertTrue(publisher.printed().contains("programTypeDescriptor"), publisher.printed());
        }
    }

    @Test
    void oracleDialectReadsTheSameCandidates() throws Exception {
        PowerSchoolFixture source = oracleDistrict();
        int student = source.student("123456789", 100, AUGUST);
        source.credential(student, null, true);
        source.reenrollment(student, 100, LocalDate.of(2025, 8, 12), LocalDate.of(2026, 5, 20));

        Run run = dryRun(source);

        assertEquals(1, run.summary().count(Status.READY));
        assertEquals(1, run.summary().count(Reason.NOT_IN_SCHOOL_YEAR));
    }

    @Test
    void unreadableRowIsDataExceptionAndRunGoesOn() throws Exception {
        PowerSchoolFixture source = PowerSchoolFixture.district();
        // a database that drifted from the contract: a grade level with a fraction
        source.update("ALTER TABLE STUDENTS ALTER COLUMN GRADE_LEVEL DECIMAL(10,2)");
        int broken = source.student("123456789", 100, AUGUST);
        source.update("UPDATE STUDENTS SET GRADE_LEVEL = 10.5 WHERE DCID = ?", broken);
        source.credential(broken, null, false);
        source.credential(source.student("223456789", 100, AUGUST), null, false);

        try (PublisherHarness publisher = new PublisherHarness(source.url())) {
            Run run = publisher.dryRun();

            assertEquals(1, run.summary().count(Reason.BAD_SOURCE_ROW));
            assertEquals(1, run.summary().count(Status.READY));
            assertTrue(publisher.printed().contains("STUDENTS row " + broken), publisher.printed());
        }
    }
}
