package nm.cte.export;

import java.util.function.Function;
import nm.cte.ledger.ResultRow;

/** The columns of an export in the order of {@link ResultRow#HEADERS}, each reading its value from a row. */
enum Column {
    SCHOOL_NAME(ResultRow::schoolName, 32),
    PS_STUDENT_NUMBER(ResultRow::psStudentNumber, 21),
    STUDENT_NAME(ResultRow::studentName, 28),
    GRADE_LEVEL(ResultRow::gradeLevel, 15),
    PROGRAM_NAME(ResultRow::programName, 32),
    ENTRY_DATE(ResultRow::entryDate, 14),
    EXIT_DATE(ResultRow::exitDate, 14),
    STATE_STUDENT_NUMBER(ResultRow::stateStudentNumber, 24),
    EDUCATION_ORGANIZATION_ID(ResultRow::educationOrganizationId, 27),
    STATUS(ResultRow::status, 18),
    REASON(ResultRow::reason, 30),
    MESSAGE(ResultRow::message, 60),
    LAST_PUBLISH_DATE(ResultRow::lastPublishDate, 21),
    PUBLISHING_ID(ResultRow::publishingId, 38);

    private final Function<ResultRow, Object> value;
    private final int width;

    Column(Function<ResultRow, Object> value, int width) {
        this.value = value;
        this.width = width;
    }

    String header() {
        return ResultRow.HEADERS.get(ordinal());
    }

    /** The row's value in this column: a String, Long, Integer, LocalDate or LocalDateTime, or null. */
    Object of(ResultRow row) {
        return value.apply(row);
    }

    /**
     * Width in characters in a workbook, fixed because a streaming sheet cannot autosize: room for the header and its
     * filter button, or for typical content where that is wider.
     */
    int width() {
        return width;
    }
}
