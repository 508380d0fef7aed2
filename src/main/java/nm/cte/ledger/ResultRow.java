package nm.cte.ledger;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One candidate record of a run as PowerSchool's users know it: the per-record columns of D15. */
public record ResultRow(
        String schoolName,
        Long psStudentNumber,
        String studentName,
        Integer gradeLevel,
        String programName,
        LocalDate entryDate,
        LocalDate exitDate,
        String stateStudentNumber,
        Integer educationOrganizationId,
        String status,
        String reason,
        String message,
        LocalDateTime lastPublishDate,
        String publishingId) {

    /** The column headers of D15, spelled exactly, in this order. */
    public static final java.util.List<String> HEADERS = java.util.List.of(
            "School Name", "PS Student Number", "Student Name", "Grade Level", "Program Name", "Entry Date", "Exit Date",
            "State Student Number", "educationOrganizationId", "Status", "Reason", "Message", "Last Publish Date",
            "Publishing ID");
}
