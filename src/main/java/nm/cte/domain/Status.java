package nm.cte.domain;

/** What became of one candidate record: the statuses of D14, and READY for a record built and valid but not sent yet. */
public enum Status {
    READY,
    PUBLISHED,
    UNCHANGED,
    DEPENDENCY,
    DATA_EXCEPTION,
    EXCLUDED,
    ERROR,
    DELETED
}
