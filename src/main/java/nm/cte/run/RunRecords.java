package nm.cte.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import nm.cte.domain.Candidate;
import nm.cte.domain.CteProgram;
import nm.cte.domain.EnrollmentPeriod;
import nm.cte.domain.Outcome;
import nm.cte.domain.Status;
import nm.cte.ledger.ResultRow;
import nm.cte.ledger.LedgerRecord;

/** What a candidate leaves behind: its result row (D15) and what the ledger learns of its record (D12). */
final class RunRecords {

    private RunRecords() {
    }

    /**
     * D12: the fingerprint of what is sent, so that an unchanged record is not sent again: of the record's compact
     * JSON text, which is what the HTTP endpoint's data format writes.
     */
    static String payloadHash(JsonNode json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    static ResultRow result(Candidate candidate, LedgerRecord known) {
        EnrollmentPeriod period = candidate.period();
        Outcome outcome = candidate.outcome();
        String reason = outcome.reason() == null ? null : outcome.reason().name();
        String publishingId = candidate.resourceId() != null ? candidate.resourceId() : known == null ? null : known.resourceId();
        LocalDateTime lastPublished = candidate.outcome().status() == Status.PUBLISHED ? LocalDateTime.now()
                : known == null ? null : known.lastPublished();
        if (period == null) {
            return new ResultRow(null, null, null, null, CteProgram.NAME, null, null, null, null, outcome.status().name(), reason,
                    outcome.message(), null, null);
        }
        EnrollmentPeriod.Student student = period.student();
        return new ResultRow(
                candidate.school() == null ? null : candidate.school().name(),
                student.studentNumber(),
                name(student),
                period.gradeLevel(),
                CteProgram.NAME,
                period.entryDate(),
                period.exitDate(),
                student.stateStudentNumber(),
                candidate.association() == null ? null : candidate.association().educationOrganizationId().value(),
                outcome.status().name(),
                reason,
                outcome.message(),
                lastPublished,
                publishingId);
    }

    /**
     * What the ledger learns from the ODS's answer; null when the ODS was not asked (unchanged, or never sent). A
     * failed update keeps what the ODS still holds: the resource id and the dates of the last success.
     */
    static LedgerRecord record(Candidate candidate, String naturalKey, LedgerRecord known) {
        Status status = candidate.outcome().status();
        if (!candidate.qualifies() || (status != Status.PUBLISHED && status != Status.DEPENDENCY && status != Status.ERROR)) {
            return null;
        }
        EnrollmentPeriod period = candidate.period();
        boolean published = status == Status.PUBLISHED;
        LocalDateTime now = LocalDateTime.now();
        return new LedgerRecord(
                naturalKey,
                published ? payloadHash(candidate.json()) : known == null ? null : known.payloadHash(),
                published ? candidate.resourceId() : known == null ? null : known.resourceId(),
                status.name(),
                candidate.outcome().reason() == null ? null : candidate.outcome().reason().name(),
                candidate.outcome().message(),
                known != null && known.firstPublished() != null ? known.firstPublished() : published ? now : null,
                published ? now : known == null ? null : known.lastPublished(),
                period.enrollmentSchoolNumber(),
                candidate.school().name(),
                period.student().studentNumber(),
                name(period.student()),
                period.gradeLevel(),
                period.entryDate(),
                period.exitDate(),
                candidate.association().studentUniqueId(),
                candidate.association().educationOrganizationId().value());
    }

    /** D13: the ledger's record once the ODS has deleted it (or never had it). */
    static LedgerRecord deleted(LedgerRecord record, String message) {
        return new LedgerRecord(record.naturalKey(), record.payloadHash(), record.resourceId(), Status.DELETED.name(), null, message,
                record.firstPublished(), record.lastPublished(), record.schoolNumber(), record.schoolName(), record.studentNumber(),
                record.studentName(), record.gradeLevel(), record.entryDate(), record.exitDate(), record.studentUniqueId(),
                record.educationOrganizationId());
    }

    /** The result row of a deletion: the record as the ledger remembers it. */
    static ResultRow result(LedgerRecord record, Outcome outcome) {
        return new ResultRow(record.schoolName(), record.studentNumber(), record.studentName(), record.gradeLevel(), CteProgram.NAME,
                record.entryDate(), record.exitDate(), record.studentUniqueId(), record.educationOrganizationId(), outcome.status().name(),
                outcome.reason() == null ? null : outcome.reason().name(), outcome.message(), record.lastPublished(), record.resourceId());
    }

    private static String name(EnrollmentPeriod.Student student) {
        return student.lastName() + ", " + student.firstName();
    }
}
