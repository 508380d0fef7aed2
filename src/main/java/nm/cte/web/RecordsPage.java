package nm.cte.web;

import java.util.List;
import nm.cte.domain.Reason;
import nm.cte.ledger.ResultRow;
import nm.cte.ledger.RunOverview;
import nm.cte.ledger.ResultFilter;

/** A run's records (the D15 columns), filtered by status, reason, school and student, a page at a time. */
final class RecordsPage {

    /** What the page shows, gathered by {@link PublishingPage}. */
    record View(RunOverview run, String path, ResultFilter filter, List<String> schools, List<ResultRow> rows, long total, int page,
                int pageSize) {
    }

    private RecordsPage() {
    }

    static String render(View view) {
        StringBuilder body = new StringBuilder(filters(view));
        long first = view.total() == 0 ? 0 : (long) (view.page() - 1) * view.pageSize() + 1;
        long last = Math.min(view.total(), (long) view.page() * view.pageSize());
        body.append("<p id=\"count\">").append(view.total()).append(view.total() == 1 ? " record" : " records")
                .append(view.total() == 0 ? "" : ", " + first + " to " + last).append(".</p>\n");
        body.append("<table id=\"records\">\n<tr>");
        for (String header : ResultRow.HEADERS) {
            body.append("<th>").append(Html.text(header)).append("</th>");
        }
        body.append("</tr>\n");
        for (ResultRow row : view.rows()) {
            body.append(row(row));
        }
        body.append("</table>\n").append(paging(view));
        return Html.document("Run " + view.run().runNumber() + ": records", body.toString());
    }

    private static String filters(View view) {
        ResultFilter filter = view.filter();
        StringBuilder form = new StringBuilder("<form method=\"get\" action=\"").append(Html.text(view.path())).append("\" id=\"filters\">\n")
                .append("<label>Status <select name=\"status\" id=\"status\">").append(option("", "All", filter.status()));
        for (RunOverview.Count status : view.run().byStatus()) {
            form.append(option(status.name(), Labels.status(status.name()), filter.status()));
        }
        form.append("</select></label>\n<label>Reason <select name=\"reason\" id=\"reason\">").append(option("", "All", filter.reason()));
        for (RunOverview.Count reason : view.run().byReason()) {
            form.append(option(reason.name(), reason.name() + " (" + reason.rule() + ")", filter.reason()));
        }
        form.append("</select></label>\n<label>School <select name=\"school\" id=\"school\">").append(option("", "All", filter.school()));
        for (String school : view.schools()) {
            form.append(option(school, school, filter.school()));
        }
        return form.append("</select></label>\n<label>Student number or name <input name=\"q\" id=\"q\" value=\"")
                .append(Html.text(filter.search())).append("\"></label>\n<button type=\"submit\" id=\"filter\">Filter</button>\n</form>\n")
                .toString();
    }

    private static String option(String value, String label, String chosen) {
        boolean selected = value.isEmpty() ? chosen == null : value.equals(chosen);
        return "<option value=\"" + Html.text(value) + "\"" + (selected ? " selected" : "") + ">" + Html.text(label) + "</option>";
    }

    private static String row(ResultRow row) {
        String student = row.psStudentNumber() != null ? row.psStudentNumber().toString() : row.stateStudentNumber();
        String name = student == null ? Html.text(row.studentName())
                : "<a href=\"/students/" + Html.url(student) + "\">" + Html.text(row.studentName()) + "</a>";
        return "<tr><td>" + Html.text(row.schoolName()) + "</td><td>" + Html.text(row.psStudentNumber()) + "</td><td>" + name
                + "</td><td>" + Html.text(row.gradeLevel()) + "</td><td>" + Html.text(row.programName()) + "</td><td>"
                + Html.text(row.entryDate()) + "</td><td>" + Html.text(row.exitDate()) + "</td><td>" + Html.text(row.stateStudentNumber())
                + "</td><td>" + Html.text(row.educationOrganizationId()) + "</td><td class=\"status\">" + Html.text(row.status())
                + "</td><td>" + Html.text(reason(row.reason())) + "</td><td>" + Html.text(row.message()) + "</td><td>"
                + Html.when(row.lastPublishDate()) + "</td><td>" + Html.text(row.publishingId()) + "</td></tr>\n";
    }

    /** A reason code with the rule that gives it, e.g. "STUDENT_NOT_PUBLISHED (E10)". */
    private static String reason(String code) {
        return code == null ? null : code + " (" + Reason.valueOf(code).rule() + ")";
    }

    private static String paging(View view) {
        long pages = Math.max(1, (view.total() + view.pageSize() - 1) / view.pageSize());
        StringBuilder links = new StringBuilder("<p class=\"paging\">");
        if (view.page() > 1) {
            links.append("<a href=\"").append(link(view, view.page() - 1)).append("\" id=\"previous\">Previous</a> ");
        }
        links.append("Page ").append(view.page()).append(" of ").append(pages);
        if (view.page() < pages) {
            links.append(" <a href=\"").append(link(view, view.page() + 1)).append("\" id=\"next\">Next</a>");
        }
        return links.append("</p>\n").toString();
    }

    private static String link(View view, int page) {
        ResultFilter filter = view.filter();
        return Html.text(view.path() + "?status=" + Html.url(filter.status()) + "&reason=" + Html.url(filter.reason())
                + "&school=" + Html.url(filter.school()) + "&q=" + Html.url(filter.search()) + "&page=" + page);
    }
}
