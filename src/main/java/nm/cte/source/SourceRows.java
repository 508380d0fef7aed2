package nm.cte.source;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import nm.cte.domain.EnrollmentPeriod;
import nm.cte.domain.School;
import nm.cte.domain.SchoolYear;

/**
 * Reads the rows of the SQL files in {@code sql/} into domain values, whatever types the JDBC driver chose
 * (Oracle gives NUMBER as BigDecimal and DATE as Timestamp, H2 gives Integer and Date).
 */
public final class SourceRows {

    private SourceRows() {
    }

    /** A row of {@code enrollment-periods.sql}. */
    public static EnrollmentPeriod period(Map<String, Object> row) {
        EnrollmentPeriod.Student student = new EnrollmentPeriod.Student(
                number(row, "STUDENT_DCID"),
                optionalNumber(row, "STUDENT_NUMBER"),
                text(row, "LAST_NAME"),
                text(row, "FIRST_NAME"),
                text(row, "STATE_STUDENTNUMBER"),
                flag(row, "STUDENT_EXCLUDED"),
                text(row, "LOCATIONCODE"),
                flag(row, "CTE_COMPLETER"));
        return new EnrollmentPeriod(
                EnrollmentPeriod.Source.valueOf(text(row, "PERIOD_SOURCE")),
                number(row, "PERIOD_ID"),
                student,
                integer(row, "GRADE_LEVEL"),
                integer(row, "SCHOOLID"),
                integer(row, "ENROLLMENT_SCHOOLID"),
                integer(row, "ENROLL_STATUS"),
                date(row, "ENTRYDATE"),
                date(row, "EXITDATE"));
    }

    /** Names a row of {@code enrollment-periods.sql} for a person: its table, its DCID and the student's number. */
    public static String describe(Map<String, Object> row) {
        return row.get("PERIOD_SOURCE") + " row " + row.get("PERIOD_ID") + " (STUDENT_NUMBER " + row.get("STUDENT_NUMBER") + ")";
    }

    /** A row of {@code schools.sql}. */
    public static School school(Map<String, Object> row) {
        return new School(integer(row, "SCHOOL_NUMBER"), integer(row, "ALTERNATE_SCHOOL_NUMBER"), text(row, "NAME"),
                flag(row, "STATE_EXCLUDEFROMREPORTING"));
    }

    /** D3: the school year from the rows of {@code district-year-terms.sql}; July 1 to June 30 without its term. */
    public static SchoolYear schoolYear(int endingYear, List<Map<String, Object>> yearTerms) {
        int yearId = SchoolYear.yearIdOf(endingYear);
        return yearTerms.stream()
                .filter(term -> integer(term, "YEARID") == yearId)
                .findFirst()
                .map(term -> new SchoolYear(endingYear, date(term, "FIRSTDAY"), date(term, "LASTDAY")))
                .orElseGet(() -> SchoolYear.withoutTerm(endingYear));
    }

    /** D4: the DistrictNumber of the first row of {@code district-numbers.sql}, or null when there is none. */
    public static String districtNumber(List<Map<String, Object>> prefs) {
        return prefs.isEmpty() ? null : text(prefs.get(0), "VALUE");
    }

    /** A date column, or null when it is empty or not a date: for ordering rows, before any is judged. */
    static LocalDate dateOrNull(Map<String, Object> row, String column) {
        try {
            return date(row, column);
        } catch (IllegalArgumentException notADate) {
            return null;
        }
    }

    private static String text(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? null : value.toString();
    }

    /** PowerSchool flags are 0/1 and NULL means 0. */
    private static boolean flag(Map<String, Object> row, String column) {
        Long value = optionalNumber(row, column);
        return value != null && value == 1;
    }

    private static Integer integer(Map<String, Object> row, String column) {
        Long value = optionalNumber(row, column);
        return value == null ? null : Math.toIntExact(value);
    }

    private static long number(Map<String, Object> row, String column) {
        Long value = optionalNumber(row, column);
        if (value == null) {
            throw new IllegalArgumentException(column + " is NULL");
        }
        return value;
    }

    private static Long optionalNumber(Map<String, Object> row, String column) {
        Object value = row.get(column);
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.longValueExact();
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalArgumentException(column + " is not a number: " + value);
    }

    private static LocalDate date(Map<String, Object> row, String column) {
        Object value = row.get(column);
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toLocalDate();
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.toLocalDate();
        }
        throw new IllegalArgumentException(column + " is not a date: " + value);
    }
}
