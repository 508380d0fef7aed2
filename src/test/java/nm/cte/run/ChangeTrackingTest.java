package nm.cte.run;

import static nm.cte.PublisherHarness.CLIENT_ID;
import static nm.cte.PublisherHarness.CLIENT_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nm.cte.PowerSchoolFixture;
import nm.cte.PublisherHarness;
import nm.cte.domain.Reason;
import nm.cte.domain.Status;
import nm.cte.sandbox.Route;
import nm.cte.sandbox.SandboxOds;
import nm.cte.sandbox.SandboxOptions;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.model.SplitDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** D12-D14 with the ledger: only what changed is sent, what stopped qualifying is deleted, and a crash is repaired. */
class ChangeTrackingTest {

    private static final LocalDate AUGUST = LocalDate.of(2026, 8, 12);
    private static final int STUDENTS = 10;

    private final String ledger = PublisherHarness.freshLedger();
    private PowerSchoolFixture source;
    private SandboxOds ods;
    private final List<Integer> dcids = new ArrayList<>();

    @BeforeEach
    void district() throws Exception {
        source = PowerSchoolFixture.district();
        ods = SandboxOds.start(SandboxOptions.defaults(CLIENT_ID, CLIENT_SECRET));
        for (int i = 0; i < STUDENTS; i++) {
            String stateId = String.valueOf(100000001 + i);
            int dcid = source.student(stateId, i < 5 ? 100 : 200, AUGUST);
            source.credential(dcid, null, false);
            dcids.add(dcid);
            ods.addStudents(List.of(stateId));
        }
    }

    @AfterEach
    void stopOds() {
        ods.close();
    }

    private Run run(RunOptions.Mode mode, Integer school, String student, boolean confirmDeletes) throws Exception {
        String[] settings = PublisherHarness.sandbox(ods, "cte.state.jdbc-url", ledger);
        try (PublisherHarness publisher = new PublisherHarness(source.url(), settings)) {
            return publisher.run(new RunOptions(mode, school, student, false, confirmDeletes));
        }
    }

    private Run run() throws Exception {
        return run(RunOptions.Mode.CHANGES, null, null, false);
    }

    private long associationPosts() {
        return ods.stats().requests(Route.POST_ASSOCIATION);
    }

    private void excludeStudent(int index) throws Exception {
        source.update("UPDATE STUDENTS SET STATE_EXCLUDEFROMREPORTING = 1 WHERE DCID = ?", dcids.get(index));
    }

    @Test
    void firstRunPublishesEveryRecord() throws Exception {
        Run first = run();

        assertEquals(STUDENTS, first.summary().count(Status.PUBLISHED));
        assertEquals(STUDENTS, ods.associations().size());
    }

    @Test
    void secondRunSendsNothingThatDidNotChange() throws Exception {
        run();
        long before = associationPosts();

        Run second = run();

        assertEquals(STUDENTS, second.summary().count(Status.UNCHANGED));
        assertEquals(before, associationPosts());
    }

    @Test
    void dependencyIsTriedAgainEveryRun() throws Exception {
        source.credential(source.student("999999999", 100, AUGUST), null, false);
        run();
        long before = associationPosts();

        Run second = run();

        assertEquals(1, second.summary().count(Reason.STUDENT_NOT_PUBLISHED));
        assertEquals(before + 1, associationPosts());
    }

    @Test
    void changedRecordIsSentAgain() throws Exception {
        run();
        long before = associationPosts();
        // a credential that makes the student a completer changes the record's body, not its key
        source.credential(dcids.get(0), LocalDate.of(2026, 10, 1), true);

        Run second = run();

        assertEquals(1, second.summary().count(Status.PUBLISHED));
        assertEquals(STUDENTS - 1, second.summary().count(Status.UNCHANGED));
        assertEquals(before + 1, associationPosts());
        assertEquals(STUDENTS, ods.associations().size());
    }

    @Test
    void excludedStudentsRecordIsDeleted() throws Exception {
        run();
        excludeStudent(3);

        Run second = run();

        assertEquals(1, second.summary().count(Status.DELETED));
        assertEquals(STUDENTS - 1, ods.associations().size());
        assertEquals(1, ods.stats().requests(Route.DELETE_ASSOCIATION));
    }

    @Test
    void dryRunWithoutTheDeliveryRoutesShowsWhatWouldBeDeleted() throws Exception {
        run();
        excludeStudent(3);

        try (PublisherHarness explain = new PublisherHarness(source.url(),
                PublisherHarness.sandbox(ods, "cte.state.jdbc-url", ledger))) {
            Run dry = explain.dryRun();

            assertNull(explain.context().getRoute("delete"), "the dry run loaded the delivery routes");
            assertEquals(1, dry.summary().count(Status.DELETED));
            assertTrue(explain.printed().contains("would be deleted"), explain.printed());
        }
        assertEquals(0, ods.stats().requests(Route.DELETE_ASSOCIATION));
        assertEquals(STUDENTS, ods.associations().size());
    }

    @Test
    void recordNewToTheLedgerIsNotDeletedByTheRunThatPublishedIt() throws Exception {
        run();
        source.credential(source.student("100000099", 100, AUGUST), null, false);
        ods.addStudents(List.of("100000099"));

        Run second;
        try (PublisherHarness publisher = new PublisherHarness(source.url(), PublisherHarness.sandbox(ods, "cte.state.jdbc-url", ledger))) {
            // a run long enough that its ledger writer wrote the new record before the deletions read the ledger
            AdviceWith.adviceWith(publisher.context(), "run",
                    route -> route.weaveByType(SplitDefinition.class).selectLast().before().delay(1000));
            second = publisher.publish();
        }

        assertEquals(1, second.summary().count(Status.PUBLISHED), second.summary().statusCounts());
        assertEquals(0, second.summary().count(Status.DELETED), second.summary().statusCounts());
        assertEquals(STUDENTS + 1, ods.associations().size());
    }

    @Test
    void changedKeyReplacesTheOldRecord() throws Exception {
        run();
        source.update("UPDATE STUDENTS SET ENTRYDATE = ? WHERE DCID = ?", java.sql.Date.valueOf(AUGUST.plusDays(1)), dcids.get(0));

        Run second = run();

        assertEquals(1, second.summary().count(Status.PUBLISHED));
        assertEquals(1, second.summary().count(Status.DELETED));
        assertEquals(STUDENTS, ods.associations().size());
    }

    @Test
    void guardHoldsMassDeletion() throws Exception {
        run();
        for (int i = 0; i < 3; i++) {
            excludeStudent(i);
        }

        Run second = run();

        assertEquals(0, second.summary().count(Status.DELETED));
        assertNotNull(second.summary().heldDeletions());
        assertTrue(second.summary().heldDeletions().contains("3 of the year's 10"), second.summary().heldDeletions());
        assertEquals(STUDENTS, ods.associations().size());
    }

    @Test
    void confirmDeletesLiftsTheGuard() throws Exception {
        run();
        for (int i = 0; i < 3; i++) {
            excludeStudent(i);
        }

        Run second = run(RunOptions.Mode.CHANGES, null, null, true);

        assertEquals(3, second.summary().count(Status.DELETED));
        assertEquals(STUDENTS - 3, ods.associations().size());
    }

    @Test
    void modeAllSendsEveryRecordAgain() throws Exception {
        run();
        long before = associationPosts();

        Run all = run(RunOptions.Mode.ALL, null, null, false);

        assertEquals(STUDENTS, all.summary().count(Status.PUBLISHED));
        assertEquals(before + STUDENTS, associationPosts());
    }

    @Test
    void modeMissingSendsOnlyWhatTheOdsLacks() throws Exception {
        run();
        source.credential(dcids.get(0), LocalDate.of(2026, 10, 1), true);
        source.credential(source.student("100000099", 100, AUGUST), null, false);
        ods.addStudents(List.of("100000099"));
        long before = associationPosts();

        Run missing = run(RunOptions.Mode.MISSING, null, null, false);

        // the new student only: the changed one is published already
        assertEquals(1, missing.summary().count(Status.PUBLISHED));
        assertEquals(STUDENTS, missing.summary().count(Status.UNCHANGED));
        assertEquals(before + 1, associationPosts());
    }

    @Test
    void schoolSelectionSendsAndDeletesOnlyThatSchool() throws Exception {
        run();
        excludeStudent(0);
        excludeStudent(7);
        source.credential(dcids.get(1), LocalDate.of(2026, 10, 1), true);
        source.credential(dcids.get(6), LocalDate.of(2026, 10, 1), true);

        Run school = run(RunOptions.Mode.CHANGES, 100, null, false);

        assertEquals(5, school.summary().candidates());
        assertEquals(1, school.summary().count(Status.PUBLISHED));
        assertEquals(1, school.summary().count(Status.DELETED));
        assertEquals(STUDENTS - 1, ods.associations().size());
    }

    @Test
    void studentSelectionSendsOnlyThatStudent() throws Exception {
        run(RunOptions.Mode.CHANGES, null, "100000004", false);

        assertEquals(1, ods.associations().size());
        assertEquals("100000004", ods.associations().get(0).at("/studentReference/studentUniqueId").asText());
    }

    @Test
    void studentsRunDeletesItsGoneRecordWithinTheGuardsShareOfTheWholeYear() throws Exception {
        run();
        excludeStudent(3);

        // one record of the year's ten: within the guard's 20%, though it is all of the student's
        Run student = run(RunOptions.Mode.CHANGES, null, "100000004", false);

        assertEquals(1, student.summary().count(Status.DELETED), student.summary().statusCounts());
        assertEquals(STUDENTS - 1, ods.associations().size());
    }

    @Test
    void studentsRunHeldByTheGuardNamesTheWholeYearsRecords() throws Exception {
        run();
        excludeStudent(3);

        Run student;
        try (PublisherHarness publisher = new PublisherHarness(source.url(),
                PublisherHarness.sandbox(ods, "cte.state.jdbc-url", ledger, "cte.delete-guard-percent", "5"))) {
            student = publisher.run(new RunOptions(RunOptions.Mode.CHANGES, null, "100000004", false, false));
        }

        assertEquals(0, student.summary().count(Status.DELETED));
        assertNotNull(student.summary().heldDeletions());
        assertTrue(student.summary().heldDeletions().startsWith("1 of the year's 10 published records"), student.summary().heldDeletions());
    }

    @Test
    void studentNamedByPsStudentNumberDeletesItsGoneRecord() throws Exception {
        run();
        excludeStudent(3);

        Run student = run(RunOptions.Mode.CHANGES, null, studentNumber(dcids.get(3)), false);

        assertEquals(1, student.summary().count(Status.DELETED), student.summary().statusCounts());
        assertEquals(STUDENTS - 1, ods.associations().size());
    }

    private String studentNumber(int dcid) throws Exception {
        try (Connection connection = source.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT STUDENT_NUMBER FROM STUDENTS WHERE DCID = " + dcid)) {
            row.next();
            return Long.toString(row.getLong(1));
        }
    }

    @Test
    void studentSelectionByQuoteLadenIdReadsNothingElse() throws Exception {
        Run run = run(RunOptions.Mode.CHANGES, null, "1' OR '1'='1", false);

        assertEquals(0, run.summary().candidates());
        assertEquals(0, ods.associations().size());
    }

    @Test
    void crashBetweenOdsAnswerAndLedgerIsRepairedByTheNextRun() throws Exception {
        run();
        // the state a crash leaves: the ODS has every record, the ledger knows of none
        try (Connection connection = DriverManager.getConnection(ledger, "", "");
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM CTE_RECORD");
        }

        Run repair = run();
        Run after = run();

        assertEquals(STUDENTS, repair.summary().count(Status.PUBLISHED));
        assertEquals(STUDENTS, after.summary().count(Status.UNCHANGED));
        assertEquals(STUDENTS, ods.associations().size());
        Set<String> keys = new HashSet<>();
        ods.associations().forEach(record -> keys.add(record.at("/studentReference/studentUniqueId").asText()
                + record.at("/beginDate").asText()));
        assertEquals(STUDENTS, keys.size());
    }

    @Test
    void runsAreNumberedAndCountedInTheLedger() throws Exception {
        run();
        excludeStudent(0);
        run();

        try (Connection connection = DriverManager.getConnection(ledger, "", "");
             Statement statement = connection.createStatement();
             ResultSet runs = statement.executeQuery("SELECT RUN_NUMBER, OUTCOME, PUBLISHED, UNCHANGED, EXCLUDED, DELETED FROM CTE_RUN ORDER BY 1")) {
            List<String> rows = new ArrayList<>();
            while (runs.next()) {
                rows.add(Arrays.toString(new Object[] {runs.getLong(1), runs.getString(2), runs.getInt(3), runs.getInt(4), runs.getInt(5),
                        runs.getInt(6)}));
            }
            assertEquals(List.of("[1, COMPLETED, 10, 0, 0, 0]", "[2, COMPLETED, 0, 9, 1, 1]"), rows);
        }
    }
}
