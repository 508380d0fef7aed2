package nm.cte.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import nm.cte.PowerSchoolFixture;
import nm.cte.PublisherHarness;
import nm.cte.demo.DemoDistrict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** D17: explain ID tells a data clerk, for one student of the demo district, what was decided and why. */
class ExplainCommandTest {

    private final Properties settings = new Properties();
    private ByteArrayOutputStream out;

    @BeforeEach
    void demoDistrict() throws Exception {
        PowerSchoolFixture source = PowerSchoolFixture.blank(false);
        DemoDistrict.generate(source.dataSource(), 600, 2027, 42);
        settings.setProperty("cte.source.jdbc-url", source.url());
        settings.setProperty("cte.source.username", "sa");
        settings.setProperty("cte.school-year", "2027");
        settings.setProperty("cte.state.jdbc-url", PublisherHarness.freshLedger());
    }

    private String explain(String id) {
        out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Launcher(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                settings).execute("explain", id);
        assertEquals(Launcher.OK, exit, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void publishedStudentShowsTheLedgerAndTheJson() throws Exception {
        try (nm.cte.sandbox.SandboxOds ods = nm.cte.sandbox.SandboxOds.start(
                nm.cte.sandbox.SandboxOptions.defaults(PublisherHarness.CLIENT_ID, PublisherHarness.CLIENT_SECRET))) {
            ods.addStudents(java.util.List.of("100000001"));
            PublisherHarness.addSandbox(settings, ods);
            assertEquals(Launcher.OK, new Launcher(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), settings)
                    .execute("run", "--student", "100000001"));
        }

        String explanation = explain("100000001");

        assertTrue(explanation.contains("Decision:  UNCHANGED: passes every rule E1-E9, and the ODS already has this very record"),
                explanation);
        assertTrue(explanation.contains("Ledger:    last PUBLISHED, ODS id "), explanation);
        assertTrue(explanation.contains("\"studentUniqueId\" : \"100000001\""), explanation);
    }

    @Test
    void excludedStudentNamesTheRuleThatExcludedIt() {
        String explanation = explain("100000030");

        assertTrue(explanation.contains("Decision:  EXCLUDED by E4 STUDENT_EXCLUDED: the student is excluded from state reporting"),
                explanation);
        assertFalse(explanation.contains("JSON that would be sent"), explanation);
    }

    @Test
    void dataExceptionStudentNamesWhatToFix() {
        String explanation = explain("100000040");

        assertTrue(explanation.contains("Decision:  DATA_EXCEPTION by E1 MISSING_ENTRY_DATE: the enrollment has no ENTRYDATE"),
                explanation);
    }

    @Test
    void studentFoundByPsStudentNumberToo() {
        String explanation = explain("200030");

        assertTrue(explanation.contains("state id '100000030'"), explanation);
    }

    @Test
    void unknownStudentIsSaidToBeNoParticipant() {
        String explanation = explain("999999999");

        assertTrue(explanation.startsWith("No CTE enrollment period of 999999999 in 2026-27."), explanation);
    }
}
