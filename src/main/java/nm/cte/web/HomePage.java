package nm.cte.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nm.cte.ledger.RunOverview;
import nm.cte.run.Run;
import nm.cte.run.RunOptions;

/**
 * The start of the publishing page: whether a run goes, Run Now, the last run's summary by status and by reason (D15),
 * the next scheduled run (D16) and tracing (D17).
 */
final class HomePage {

    /** While a run goes the page loads itself again this often, so that its end shows without a click. */
    private static final int REFRESH_SECONDS = 5;
    private static final List<String> WORKLISTS = List.of("PUBLISHED", "DEPENDENCY", "ERROR", "DATA_EXCEPTION");

    /** What the page shows, gathered by {@link PublishingPage}. */
    record View(boolean running, Run inFlight, Optional<RunOverview> lastRun, String nextScheduled, boolean tracing,
                String lastFailure, String said, String csrf) {
    }

    private HomePage() {
    }

    static String render(View view) {
        StringBuilder body = new StringBuilder();
        if (view.said() != null) {
            body.append("<p class=\"said\" id=\"said\">").append(Html.text(view.said())).append("</p>\n");
        }
        body.append("<section id=\"now\">\n<h2>Now</h2>\n<ul>\n<li id=\"running\">").append(running(view)).append("</li>\n")
                .append("<li>Next scheduled run: ").append(Html.text(local(view.nextScheduled()))).append("</li>\n")
                .append("<li>Tracing: ").append(view.tracing() ? "on" : "off").append("</li>\n");
        if (!view.lastFailure().isEmpty()) {
            body.append("<li class=\"failure\">Last failure: ").append(Html.text(view.lastFailure())).append("</li>\n");
        }
        body.append("</ul>\n</section>\n").append(runNow(view.csrf()));
        body.append(view.lastRun().map(HomePage::lastRun).orElse("<section id=\"last-run\"><h2>Last run</h2><p>No run yet.</p></section>\n"));
        return Html.document("Publishing", body.toString(), view.running() ? REFRESH_SECONDS : 0);
    }

    private static String running(HomePage.View view) {
        if (!view.running()) {
            return "No run is going.";
        }
        Run run = view.inFlight();
        if (run == null) {
            return "A run is starting.";
        }
        RunOptions options = run.options();
        return "Run " + run.number() + " is going (mode " + options.mode().name().toLowerCase(Locale.ROOT)
                + (options.isSelective() ? ", " + Html.text(options.selection()) : "") + "), since "
                + Html.when(LocalDateTime.ofInstant(run.summary().started(), ZoneId.systemDefault())) + ".";
    }

    /** Run Now as PowerSchool has it: the mode, and optionally one school or one student. */
    private static String runNow(String csrf) {
        return """
                <section id="run-now">
                <h2>Run Now</h2>
                <form method="post" action="/runs">
                <input type="hidden" name="csrf" value="%s">
                <label>Mode <select name="mode">
                <option value="changes" selected>changes: what is new or changed, Dependencies and Errors again</option>
                <option value="all">all: every record again</option>
                <option value="missing">missing: only what the ODS lacks</option>
                </select></label>
                <label>School number <input name="school" inputmode="numeric" size="8"></label>
                <label>or student (state or PS number) <input name="student" size="14"></label>
                <button type="submit" id="run-now-button">Run Now</button>
                </form>
                </section>
                """.formatted(Html.text(csrf));
    }

    private static String lastRun(RunOverview run) {
        String records = "/runs/" + run.runNumber() + "/records";
        StringBuilder html = new StringBuilder("<section id=\"last-run\">\n<h2>Last run: run ").append(run.runNumber()).append("</h2>\n")
                .append("<p>Mode ").append(Html.text(run.mode().toLowerCase(Locale.ROOT)))
                .append(run.selection() == null ? "" : ", " + Html.text(run.selection()))
                .append("; school year ").append(Html.text(run.schoolYear()))
                .append("; started ").append(Html.when(run.started()))
                .append(run.ended() == null ? "" : ", ended " + Html.when(run.ended()))
                .append("; <span id=\"outcome\">").append(Html.text(run.outcome())).append("</span>.</p>\n");
        html.append("<p class=\"worklists\">");
        for (String status : WORKLISTS) {
            html.append("<a href=\"").append(records).append("?status=").append(status).append("\">")
                    .append(Labels.status(status)).append("</a> ");
        }
        html.append("<a href=\"").append(records).append("\">All records</a></p>\n")
                .append("<p class=\"export\">Export: <a href=\"/runs/").append(run.runNumber()).append("/export.xlsx\" id=\"export-xlsx\">Excel</a> ")
                .append("<a href=\"/runs/").append(run.runNumber()).append("/export.csv\" id=\"export-csv\">CSV</a></p>\n");
        html.append("<table id=\"by-status\">\n<caption>By status</caption>\n<tr><th>Status</th><th>Records</th></tr>\n");
        for (RunOverview.Count count : run.byStatus()) {
            html.append("<tr><td><a href=\"").append(records).append("?status=").append(Html.url(count.name())).append("\">")
                    .append(Html.text(Labels.status(count.name()))).append("</a></td><td class=\"number\">").append(count.count())
                    .append("</td></tr>\n");
        }
        html.append("</table>\n<table id=\"by-reason\">\n<caption>By reason</caption>\n")
                .append("<tr><th>Reason</th><th>Rule</th><th>Status</th><th>Records</th></tr>\n");
        for (RunOverview.Count count : run.byReason()) {
            html.append("<tr><td><a href=\"").append(records).append("?reason=").append(Html.url(count.name())).append("\">")
                    .append(Html.text(count.name())).append("</a></td><td>").append(Html.text(count.rule())).append("</td><td>")
                    .append(Html.text(Labels.status(count.status()))).append("</td><td class=\"number\">").append(count.count())
                    .append("</td></tr>\n");
        }
        return html.append("</table>\n</section>\n").toString();
    }

    /** The schedule's next time in the server's own zone, as the rest of the page shows times. */
    private static String local(String instant) {
        try {
            return Html.when(LocalDateTime.ofInstant(Instant.parse(instant), ZoneId.systemDefault()));
        } catch (DateTimeParseException e) {
            return instant;
        }
    }
}
