-- The publisher's ledger, version 3: a batch of students asks for its records by student. Portable SQL: H2,
-- PostgreSQL and Oracle accept it.

-- Led by the student, so that one query finds every record of a batch's students (STUDENT_UNIQUE_ID IN (...)): H2 reads
-- an index for IN only on the index's first column, and a batch's natural keys, which begin with a date, make no range.
CREATE INDEX CTE_RECORD_STUDENT ON CTE_RECORD (STUDENT_UNIQUE_ID, SCHOOL_YEAR);
