-- The state ids of the STUDENTS rows one student's run (--student, explain) names, as enrollment-periods.sql names
-- them: by STATE_STUDENTNUMBER or STUDENT_NUMBER (the same condition; keep the two alike). Two rows the run reads that
-- carry one id are one student (D8, D10), and both are here. An id that one row of the selection carries and rows
-- outside it carry too needs no counting: the run reads that one row only, and judged alone or held back with nothing
-- else it makes the same records. So one pass over STUDENTS for the selection's own ids, where shared-state-ids.sql
-- hands over every id of the district.
SELECT TRIM(s.STATE_STUDENTNUMBER) AS STATE_ID
FROM STUDENTS s
WHERE LENGTH(TRIM(s.STATE_STUDENTNUMBER)) > 0
  AND (TRIM(s.STATE_STUDENTNUMBER) = :#student OR CAST(s.STUDENT_NUMBER AS VARCHAR(20)) = :#student)
