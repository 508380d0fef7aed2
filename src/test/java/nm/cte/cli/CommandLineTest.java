package nm.cte.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import nm.cte.run.RunOptions;
import nm.cte.sandbox.Layout;
import org.junit.jupiter.api.Test;

/** The command line of spec section 7, word for word. */
class CommandLineTest {

    @Test
    void runTakesEveryOptionOfSection7() throws Exception {
        RunOptions options = CommandLine.parse("run", "--mode", "all", "--school", "100", "--student", "123456789",
                "--dry-run", "--confirm-deletes").runOptions();

        assertEquals(new RunOptions(RunOptions.Mode.ALL, 100, "123456789", true, true), options);
    }

    @Test
    void runDefaultsToChangesModeSendingForReal() throws Exception {
        RunOptions options = CommandLine.parse("run").runOptions();

        assertEquals(RunOptions.Mode.CHANGES, options.mode());
        assertFalse(options.dryRun());
    }

    @Test
    void unknownModeIsWrongUsage() {
        UsageException e = assertThrows(UsageException.class, () -> CommandLine.parse("run", "--mode", "some"));
        assertTrue(e.getMessage().contains("changes, all or missing"), e.getMessage());
    }

    @Test
    void schoolMustBeANumber() {
        assertThrows(UsageException.class, () -> CommandLine.parse("run", "--school", "Rio"));
    }

    @Test
    void optionWithoutValueIsWrongUsage() {
        assertThrows(UsageException.class, () -> CommandLine.parse("run", "--student"));
    }

    @Test
    void exportNeedsAnXlsxOrCsvFile() throws Exception {
        assertEquals(Path.of("r.xlsx"), CommandLine.parse("export", "--out", "r.xlsx").out());
        assertEquals(3L, CommandLine.parse("export", "--out", "r.csv", "--run", "3").runNumber());
        assertThrows(UsageException.class, () -> CommandLine.parse("export"));
        assertThrows(UsageException.class, () -> CommandLine.parse("export", "--out", "r.pdf"));
    }

    @Test
    void explainNeedsAStudent() throws Exception {
        assertEquals("123456789", CommandLine.parse("explain", "123456789").studentId());
        assertThrows(UsageException.class, () -> CommandLine.parse("explain"));
    }

    @Test
    void sandboxTakesAPort() throws Exception {
        assertEquals(8765, CommandLine.parse("sandbox", "--port", "8765").port());
    }

    @Test
    void sandboxTakesALayoutBeforeOrAfterThePort() throws Exception {
        assertEquals(Layout.DMS, CommandLine.parse("sandbox", "--layout", "dms").layout());
        Invocation both = CommandLine.parse("sandbox", "--layout", "year", "--port", "8765");
        assertEquals(Layout.YEAR, both.layout());
        assertEquals(8765, both.port());
    }

    @Test
    void sandboxLayoutIsSharedUnlessGiven() throws Exception {
        assertEquals(Layout.SHARED, CommandLine.parse("sandbox").layout());
    }

    @Test
    void unknownSandboxLayoutIsWrongUsage() {
        UsageException refused = assertThrows(UsageException.class, () -> CommandLine.parse("sandbox", "--layout", "v8"));

        assertEquals("--layout must be shared, year, instance, tenant, dms or meadowlark, not 'v8'", refused.getMessage());
    }

    @Test
    void extraWordsAreWrongUsage() {
        assertThrows(UsageException.class, () -> CommandLine.parse("serve", "now"));
    }
}
