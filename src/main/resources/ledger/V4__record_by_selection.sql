-- The publisher's ledger, version 4: a selective run (--student, --school) reads only its selection's records of the
-- year to find what it no longer produces (D13). Portable SQL: H2, PostgreSQL and Oracle accept it.

-- A student selected by PS student number: STUDENT_UNIQUE_ID's index (version 3) finds one selected by state id.
CREATE INDEX CTE_RECORD_STUDENT_NUMBER ON CTE_RECORD (STUDENT_NUMBER, SCHOOL_YEAR);
-- A school's records.
CREATE INDEX CTE_RECORD_SCHOOL ON CTE_RECORD (SCHOOL_NUMBER, SCHOOL_YEAR);
