package nm.cte.ledger;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * What the ledger knows of one record of a school year (D12): the hash of what was last sent, the ODS's resource id,
 * the last status, and who and where it is about, so that a deletion can be shown and a selection respected.
 */
public record LedgerRecord(
        String naturalKey,
        String payloadHash,
        String resourceId,
        String status,
        String reason,
        String message,
        LocalDateTime firstPublished,
        LocalDateTime lastPublished,
        Integer schoolNumber,
        String schoolName,
        Long studentNumber,
        String studentName,
        Integer gradeLevel,
        LocalDate entryDate,
        LocalDate exitDate,
        String studentUniqueId,
        Integer educationOrganizationId) {

    /**
     * {@link #isInOds()} as an SQL condition on CTE_RECORD, for the ledger to count such records without handing them
     * over: the same rule restated, which a test holds to agreeing with the Java.
     */
    static final String IN_ODS = "RESOURCE_ID IS NOT NULL AND STATUS <> 'DELETED'";

    /** Whether the ODS holds this record: it was stored there and not deleted since ({@link #IN_ODS} in SQL). */
    public boolean isInOds() {
        return resourceId != null && !"DELETED".equals(status);
    }
}
