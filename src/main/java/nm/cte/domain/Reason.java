package nm.cte.domain;

/** The reason codes of the spec, each with the rule that gives it and the status it gives the record. */
public enum Reason {
    MISSING_ENTRY_DATE("E1", Status.DATA_EXCEPTION),
    NO_SHOW("E2", Status.EXCLUDED),
    NOT_IN_SCHOOL_YEAR("E3", Status.EXCLUDED),
    STUDENT_EXCLUDED("E4", Status.EXCLUDED),
    UNKNOWN_SCHOOL("E5", Status.DATA_EXCEPTION),
    SCHOOL_EXCLUDED("E6", Status.EXCLUDED),
    MISSING_STUDENT_UNIQUE_ID("E7", Status.DEPENDENCY),
    INVALID_STUDENT_UNIQUE_ID("E8", Status.DATA_EXCEPTION),
    INVALID_DISTRICT_NUMBER("E9", Status.DATA_EXCEPTION),
    INVALID_BUILDING_NUMBER("E9", Status.DATA_EXCEPTION),
    /** The ODS does not know the student yet: it must be published in the Student category first (409). */
    STUDENT_NOT_PUBLISHED("E10", Status.DEPENDENCY),
    /** The ODS does not know the program; the publisher can upsert it first (D11). */
    PROGRAM_NOT_PUBLISHED("D11", Status.DEPENDENCY),
    /** The ODS refused the record (a 4xx other than 409 on a dependency); the message is the ODS's own. */
    ODS_REJECTED("D11", Status.ERROR),
    /** The ODS kept failing (5xx, 429) after every redelivery. */
    ODS_UNAVAILABLE("D11", Status.ERROR),
    SCHEMA_INVALID("D10", Status.DATA_EXCEPTION),
    /** A second candidate with the natural key of an earlier one: both are one record (D10). */
    DUPLICATE_NATURAL_KEY("D10", Status.EXCLUDED),
    /** A source row the publisher could not read; the run goes on (spec section 6). */
    BAD_SOURCE_ROW("6", Status.DATA_EXCEPTION);

    private final String rule;
    private final Status status;

    Reason(String rule, Status status) {
        this.rule = rule;
        this.status = status;
    }

    /** The spec's number of the rule or decision that gives this reason, e.g. "E4". */
    public String rule() {
        return rule;
    }

    public Status status() {
        return status;
    }
}
