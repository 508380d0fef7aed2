-- Every state id of STUDENTS, in order, for the run to find those that more than one STUDENTS row carries (D8, D10):
-- their enrollment periods make one student's records, so the run holds them back until it has read them all. Rare:
-- a data error, or a student PowerSchool enrolled twice. Sorted and streamed rather than grouped, so that a database
-- that groups in memory never holds a large district's ids at once.
SELECT TRIM(STATE_STUDENTNUMBER) AS STATE_ID
FROM STUDENTS
WHERE LENGTH(TRIM(STATE_STUDENTNUMBER)) > 0
ORDER BY 1
