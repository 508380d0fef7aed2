-- Every state id of STUDENTS, for the run to find those that more than one STUDENTS row carries (D8, D10): their
-- enrollment periods make one student's records, so the run holds them back until it has read them all. Rare: a data
-- error, or a student PowerSchool enrolled twice. Neither grouped nor sorted: the run counts them itself
-- (SharedStateIds), so that no database groups or sorts a large district's ids before the run can start.
SELECT TRIM(STATE_STUDENTNUMBER) AS STATE_ID
FROM STUDENTS
WHERE LENGTH(TRIM(STATE_STUDENTNUMBER)) > 0
