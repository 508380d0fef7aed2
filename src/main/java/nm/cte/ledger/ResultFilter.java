package nm.cte.ledger;

import java.util.Locale;

/**
 * Which of a run's result rows a person wants to see: a status, a reason, a school (by name, as the rows carry it) and
 * a search on the student's number or name; null for any.
 */
public record ResultFilter(String status, String reason, String school, String search) {

    /** The filter of nothing: every row. */
    public static final ResultFilter ALL = new ResultFilter(null, null, null, null);

    public ResultFilter {
        status = blankAsNull(status);
        reason = blankAsNull(reason);
        school = blankAsNull(school);
        search = blankAsNull(search);
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The LIKE pattern of the name search, in capitals, its wildcards escaped with '!'. */
    String namePattern() {
        String escaped = search.toUpperCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }

    /** The search as a PS student number, or -1 when it is not one. */
    long studentNumber() {
        try {
            return Long.parseLong(search);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
