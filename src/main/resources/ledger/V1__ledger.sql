-- The publisher's ledger (D12-D15), version 1. Portable SQL: H2, PostgreSQL, Oracle and SQL Server accept it.

-- One row per record this publisher built, by school year and natural key (D10): what the ODS has of it.
CREATE TABLE CTE_RECORD (
    SCHOOL_YEAR          INTEGER        NOT NULL,
    NATURAL_KEY          VARCHAR(500)   NOT NULL,
    PAYLOAD_HASH         VARCHAR(64),
    RESOURCE_ID          VARCHAR(64),
    STATUS               VARCHAR(20)    NOT NULL,
    REASON               VARCHAR(40),
    MESSAGE              VARCHAR(2000),
    FIRST_PUBLISHED      TIMESTAMP,
    LAST_PUBLISHED       TIMESTAMP,
    LAST_RUN             NUMERIC(19,0)  NOT NULL,
    -- what a deletion's result row and a selection (--school, --student) need to know of the record
    SCHOOL_NUMBER        INTEGER,
    SCHOOL_NAME          VARCHAR(60),
    STUDENT_NUMBER       NUMERIC(19,0),
    STUDENT_NAME         VARCHAR(110),
    GRADE_LEVEL          INTEGER,
    ENTRY_DATE           DATE,
    EXIT_DATE            DATE,
    STUDENT_UNIQUE_ID    VARCHAR(32),
    EDORG_ID             INTEGER,
    PRIMARY KEY (SCHOOL_YEAR, NATURAL_KEY)
);

-- One row per run: its number, how it was asked for, when, how it ended and its counts (D15).
CREATE TABLE CTE_RUN (
    RUN_NUMBER           NUMERIC(19,0)  NOT NULL PRIMARY KEY,
    SCHOOL_YEAR          INTEGER        NOT NULL,
    MODE                 VARCHAR(10)    NOT NULL,
    SELECTION            VARCHAR(100),
    STARTED              TIMESTAMP      NOT NULL,
    ENDED                TIMESTAMP,
    OUTCOME              VARCHAR(20)    NOT NULL,
    MESSAGE              VARCHAR(2000),
    CANDIDATES           INTEGER,
    PUBLISHED            INTEGER,
    UNCHANGED            INTEGER,
    DEPENDENCY           INTEGER,
    DATA_EXCEPTION       INTEGER,
    EXCLUDED             INTEGER,
    ERROR                INTEGER,
    DELETED              INTEGER
);

-- The per-record results of a run, as exported (D15), kept for the last runs only.
CREATE TABLE CTE_RESULT (
    RUN_NUMBER           NUMERIC(19,0)  NOT NULL,
    SEQ                  INTEGER        NOT NULL,
    SCHOOL_NAME          VARCHAR(60),
    STUDENT_NUMBER       NUMERIC(19,0),
    STUDENT_NAME         VARCHAR(110),
    GRADE_LEVEL          INTEGER,
    PROGRAM_NAME         VARCHAR(60),
    ENTRY_DATE           DATE,
    EXIT_DATE            DATE,
    STATE_STUDENT_NUMBER VARCHAR(40),
    EDORG_ID             INTEGER,
    STATUS               VARCHAR(20)    NOT NULL,
    REASON               VARCHAR(40),
    MESSAGE              VARCHAR(2000),
    LAST_PUBLISHED       TIMESTAMP,
    RESOURCE_ID          VARCHAR(64),
    PRIMARY KEY (RUN_NUMBER, SEQ)
);
