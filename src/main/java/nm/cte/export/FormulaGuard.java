package nm.cte.export;

/** Tells which text a spreadsheet would take for a formula (OWASP "CSV injection"), so that every export defuses it. */
final class FormulaGuard {

    /** Characters with which Excel, LibreOffice and Google Sheets start a formula, tab and CR included (OWASP). */
    private static final String TRIGGERS = "=+-@\t\r";

    private FormulaGuard() {
    }

    /** Student and school names come from PowerSchool, where anyone who enters data could type "=HYPERLINK(...)". */
    static boolean looksLikeFormula(String text) {
        return !text.isEmpty() && TRIGGERS.indexOf(text.charAt(0)) >= 0;
    }
}
