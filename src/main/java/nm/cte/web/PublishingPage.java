package nm.cte.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import nm.cte.ledger.RunOverview;
import nm.cte.ledger.Ledger;
import nm.cte.ledger.ResultFilter;
import nm.cte.ledger.ResultPages;
import nm.cte.export.RunExport;
import nm.cte.operations.PublisherControl;
import nm.cte.operations.RunRefusedException;
import nm.cte.report.Explanation;
import nm.cte.run.Run;
import nm.cte.run.RunOptions;
import nm.cte.report.RunPrinters;

/**
 * What the publishing page's routes call: each page and action of the operator in a browser, carried out by what the
 * commands and JMX use (PublisherControl's one turn for runs, the ledger's results and exports, explain).
 */
public final class PublishingPage {

    static final int PAGE_SIZE = 50;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final PublisherControl control;
    private final Ledger ledger;
    private final ResultPages results;
    private final RunPrinters printers;
    private final CsrfToken csrf = new CsrfToken();
    /** What the last Run Now was told, shown once on the page it leads to. */
    private final AtomicReference<Answer> lastAnswer = new AtomicReference<>(new Answer(0, ""));

    /** What Run Now was told, numbered, so that the page after it can show it without putting it in the URL. */
    public record Answer(long number, String text) {
    }

    /** A file to download. */
    public record Download(String fileName, String contentType, byte[] bytes) {
    }

    public PublishingPage(PublisherControl control, Ledger ledger, ResultPages results, RunPrinters printers) {
        this.control = control;
        this.ledger = ledger;
        this.results = results;
        this.printers = printers;
    }

    /** GET /: @param said the number of the Run Now answer to show, if any */
    public String home(String said) throws SQLException {
        Answer answer = lastAnswer.get();
        boolean showAnswer = said != null && answer.number() > 0 && said.equals(Long.toString(answer.number()));
        return HomePage.render(new HomePage.View(control.isRunning(), control.inFlight(), RunExport.overview(ledger, null),
                control.getNextScheduledTime(), control.isTracing(), control.getLastFailure(), showAnswer ? answer.text() : null,
                csrf.value()));
    }

    /** POST /runs: Run Now, through the same turn as JMX's (D16); refused while a run goes. */
    public Answer runNow(String mode, String school, String student, String token) {
        if (!csrf.matches(token)) {
            throw new PageRefusal(403, "This form did not come from the publishing page, or the publisher was restarted since it was"
                    + " opened: open the page again and press Run Now there.");
        }
        String said;
        try {
            Integer schoolNumber = blank(school) ? null : Integer.valueOf(school.strip());
            said = control.runNow(blank(mode) ? "changes" : mode, schoolNumber, blank(student) ? null : student.strip());
        } catch (NumberFormatException e) {
            said = "a school is its SCHOOL_NUMBER, not '" + school + "'; nothing started";
        }
        String text = said;
        return lastAnswer.updateAndGet(previous -> new Answer(previous.number() + 1, text));
    }

    /** GET /runs/{run}/records: the run's D15 rows, filtered, a page at a time. */
    public String records(String run, String status, String reason, String school, String search, String page) throws SQLException {
        RunOverview overview = overview(run);
        ResultFilter filter = new ResultFilter(status, reason, school, search);
        int number = pageNumber(page);
        long total = results.count(overview.runNumber(), filter);
        return RecordsPage.render(new RecordsPage.View(overview, "/runs/" + run + "/records", filter, results.schools(overview.runNumber()),
                results.page(overview.runNumber(), filter, (number - 1) * PAGE_SIZE, PAGE_SIZE), total, number, PAGE_SIZE));
    }

    /** GET /runs/{run}/export.xlsx or .csv: the very file the export command writes. */
    public Download export(String run, String format) throws SQLException, IOException {
        RunOverview overview = overview(run);
        String fileName = "cte-results-run-" + overview.runNumber() + "." + format;
        Path file = Files.createTempFile("cte-results-", "." + format);
        try {
            RunExport.write(ledger, overview, file);
            return new Download(fileName, format.equals("xlsx") ? XLSX : "text/csv; charset=utf-8", Files.readAllBytes(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** GET /students/{id}: what explain says of the student (D17), from a dry run in the same turn as every run. */
    public String student(String id) {
        if (blank(id) || id.length() > 40) {
            throw new PageRefusal(404, "A student is a STATE_STUDENTNUMBER or a STUDENT_NUMBER.");
        }
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        Explanation explanation = new Explanation(new PrintStream(said, true, StandardCharsets.UTF_8));
        RunOptions options = RunOptions.explaining(id);
        printers.register(options, explanation);
        try {
            Run run = control.dryRun(options);
            explanation.printSummary(run, id);
        } catch (RunRefusedException e) {
            throw new PageRefusal(409, "The explanation waits for no run, and one is going: " + e.getMessage()
                    + ". Open this page again when it has ended.");
        } finally {
            printers.forget(options);
        }
        return Html.document("Student " + id, "<pre id=\"explanation\">" + Html.text(said.toString(StandardCharsets.UTF_8).strip())
                + "</pre>\n");
    }

    /** The page's one stylesheet. */
    public String stylesheet() throws IOException {
        try (var css = PublishingPage.class.getResourceAsStream("/web/page.css")) {
            return new String(css.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The page of a request that was refused. */
    public String refusal(String message) {
        return Html.document("Not possible", "<p class=\"failure\" id=\"refusal\">" + Html.text(message) + "</p>\n");
    }

    /** A run by its number, or "last". */
    private RunOverview overview(String run) throws SQLException {
        Long number;
        if ("last".equals(run)) {
            number = null;
        } else {
            try {
                number = Long.valueOf(run);
            } catch (NumberFormatException e) {
                throw new PageRefusal(404, "A run is its number, or 'last'.");
            }
        }
        return RunExport.overview(ledger, number).orElseThrow(() -> new PageRefusal(404,
                number == null ? "The ledger has no run yet." : "The ledger has no run " + number + "."));
    }

    private static int pageNumber(String page) {
        try {
            return blank(page) ? 1 : Math.max(1, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
