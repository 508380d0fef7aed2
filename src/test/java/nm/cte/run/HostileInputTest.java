package nm.cte.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nm.cte.PowerSchoolFixture;
import nm.cte.PublisherHarness;
import nm.cte.domain.Reason;
import nm.cte.domain.Status;
import nm.cte.sandbox.SandboxOds;
import nm.cte.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spec section 6 for bad input: over a thousand hostile source rows (everything the schema allows), every period
 * ends with a status and a reason, nothing sent breaks the Ed-Fi schema, and no exception escapes.
 */
class HostileInputTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 8, 10);
    private static final LocalDate LAST_DAY = LocalDate.of(2027, 5, 28);
    private static final String[] STATE_IDS = {null, "", "   ", " 123456789 ", "O'Brien-1", "Peña-7", "\"quoted\"", "1".repeat(33),
        "ñ".repeat(32), "12 34", "<script>alert(1)</script>", "x".repeat(40), "'; DROP TABLE STUDENTS; --", "100000001"};
    private static final String[] NAMES = {null, "", "García", "O'Neil", "\"Smith\"", "Nguyễn", "Łukasz", "a,b;c"};
    private static final String[] LOCATION_CODES = {null, "", "  ", "AB", "A1", " 7", "0", "-1", "999", "1 2", "045", "12"};
    private static final Integer[] SCHOOLS = {0, -5, 1000, 100, 200, 777, 12345};
    private static final LocalDate[] DATES = {null, LocalDate.of(1900, 1, 1), LocalDate.of(2100, 12, 31), FIRST_DAY,
        LAST_DAY, LocalDate.of(2026, 10, 1), LocalDate.of(2027, 2, 28), LocalDate.of(2026, 7, 1)};

    private PowerSchoolFixture source;
    private SandboxOds ods;
    private long periods;

    @BeforeEach
    void hostileDistrict() throws Exception {
        source = PowerSchoolFixture.empty();
        source.yearTerm(2027, FIRST_DAY, LAST_DAY);
        source.update("INSERT INTO SCHOOLS VALUES (1, 1, 0, NULL, NULL, NULL)");
        source.update("INSERT INTO SCHOOLS VALUES (2, 2, -5, -1, 'Negative', 0)");
        source.update("INSERT INTO SCHOOLS VALUES (3, 3, 1000, 0, 'Thousand', NULL)");
        source.update("INSERT INTO SCHOOLS VALUES (4, 4, 100, NULL, 'Rio Grande High', 0)");
        source.update("INSERT INTO SCHOOLS VALUES (5, 5, 200, 45, 'Mesa Alternative', 0)");
        source.update("INSERT INTO SCHOOLS VALUES (6, 6, 777, -3, 'Odd \"Quotes\" & <Tags>', 1)");
        Random random = new Random(20261128);
        for (int i = 0; i < 1500; i++) {
            int dcid = 1000 + i;
            LocalDate entry = pick(random, DATES);
            LocalDate exit = random.nextInt(4) == 0 ? entry : random.nextBoolean() ? null
                    : entry == null ? pick(random, DATES) : entry.plusDays(random.nextInt(400) - 200);
            source.update("INSERT INTO STUDENTS VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", dcid, dcid,
                    random.nextInt(5) == 0 ? null : (long) random.nextInt(1_000_000), pick(random, NAMES), pick(random, NAMES),
                    random.nextBoolean() ? null : random.nextInt(20) - 2, pick(random, SCHOOLS),
                    random.nextBoolean() ? null : pick(random, SCHOOLS), random.nextInt(7) - 2, date(entry), date(exit),
                    pick(random, STATE_IDS), random.nextInt(4) == 0 ? null : random.nextInt(3));
            if (random.nextBoolean()) {
                source.update("INSERT INTO S_NM_STU_X VALUES (?, ?)", dcid, pick(random, LOCATION_CODES));
            }
            for (int c = random.nextInt(3); c > 0; c--) {
                source.update("INSERT INTO S_NM_STU_INDUSTRYCRED_C VALUES (?, ?, ?, ?, ?, ?, ?)", dcid * 10 + c, dcid,
                        random.nextBoolean() ? null : pick(random, SCHOOLS), date(pick(random, DATES)),
                        random.nextBoolean() ? null : "CODE'" + c, random.nextBoolean() ? null : "IS",
                        random.nextInt(4) == 0 ? null : random.nextInt(3));
            }
            for (int r = random.nextInt(3); r > 0; r--) {
                LocalDate reentry = pick(random, DATES);
                reentry = reentry == null ? LocalDate.of(1900, 1, 1) : reentry;
                source.update("INSERT INTO REENROLLMENTS VALUES (?, ?, ?, ?, ?, ?, ?)", dcid * 10 + r, dcid * 10 + r, dcid,
                        pick(random, SCHOOLS), random.nextBoolean() ? null : random.nextInt(13), date(reentry),
                        date(random.nextBoolean() ? reentry : reentry.minusDays(random.nextInt(50))));
            }
        }
        periods = countPeriodsOfParticipants();
        ods = SandboxOds.start(SandboxOptions.defaults(PublisherHarness.CLIENT_ID, PublisherHarness.CLIENT_SECRET));
        List<String> known = new ArrayList<>();
        for (String id : STATE_IDS) {
            if (id != null && !id.isBlank()) {
                known.add(id.strip());
            }
        }
        ods.addStudents(known);
    }

    @AfterEach
    void stopOds() {
        ods.close();
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    /** D1 and D2 counted independently of the publisher: the periods of students with a credential counting for 2026-27. */
    private long countPeriodsOfParticipants() throws Exception {
        String participants = "SELECT DISTINCT STUDENTSDCID FROM S_NM_STU_INDUSTRYCRED_C WHERE CREDENTIALEARNEDDATE IS NULL"
                + " OR CREDENTIALEARNEDDATE BETWEEN DATE '2026-08-10' AND DATE '2027-05-28'";
        try (Connection connection = source.dataSource().getConnection();
             ResultSet count = connection.createStatement().executeQuery("SELECT (SELECT COUNT(*) FROM STUDENTS WHERE DCID IN ("
                     + participants + ")) + (SELECT COUNT(*) FROM REENROLLMENTS r JOIN STUDENTS s ON s.ID = r.STUDENTID WHERE s.DCID IN ("
                     + participants + "))")) {
            count.next();
            return count.getLong(1);
        }
    }

    private Run publish() throws Exception {
        try (PublisherHarness publisher = new PublisherHarness(source.url(), PublisherHarness.sandbox(ods))) {
            return publisher.publish();
        }
    }

    private static void assertEveryPeriodEndedWithAStatusAndAReason(Run run, long periods) {
        RunSummary summary = run.summary();
        assertEquals(periods, summary.candidates(), summary.statusCounts());
        long withReason = summary.reasons().stream().mapToLong(summary::count).sum();
        assertEquals(summary.candidates() - summary.count(Status.PUBLISHED), withReason, summary.statusCounts());
        assertEquals(0, summary.count(Status.READY), "a record was built and never sent");
        assertEquals(0, summary.count(Reason.BAD_SOURCE_ROW), "a row the schema allows could not be read");
    }

    @Test
    void hostileRowsAllEndWithAStatusAndNothingBreaksTheSchema() throws Exception {
        source.districtNumber(0, " 001 ");

        Run run = publish();

        assertTrue(periods >= 1000, "only " + periods + " hostile periods");
        assertEveryPeriodEndedWithAStatusAndAReason(run, periods);
        assertTrue(run.summary().count(Status.PUBLISHED) > 0, run.summary().statusCounts());
        assertEquals(0, ods.stats().responses(400), "a record broke the Ed-Fi schema");
        assertEquals(0, run.summary().count(Reason.ODS_REJECTED));
    }

    @Test
    void districtNumberThatIsNotANumberStopsEveryRecordAtE9() throws Exception {
        source.districtNumber(0, "ABC");

        Run run = publish();

        assertEveryPeriodEndedWithAStatusAndAReason(run, periods);
        assertTrue(run.summary().count(Reason.INVALID_DISTRICT_NUMBER) > 0);
        assertEquals(0, run.summary().count(Status.PUBLISHED));
        assertEquals(0, ods.associations().size());
    }

    @Test
    void missingDistrictNumberStopsEveryRecordAtE9() throws Exception {
        Run run = publish();

        assertEveryPeriodEndedWithAStatusAndAReason(run, periods);
        assertTrue(run.summary().count(Reason.INVALID_DISTRICT_NUMBER) > 0);
        assertEquals(0, ods.associations().size());
    }
}
