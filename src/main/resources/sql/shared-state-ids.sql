-- The state ids that more than one STUDENTS row carries (D8, D10): their enrollment periods make one student's records,
-- so the run holds them back until it has read them all. Rare: a data error, or a student PowerSchool enrolled twice.
SELECT TRIM(STATE_STUDENTNUMBER) AS STATE_ID
FROM STUDENTS
WHERE LENGTH(TRIM(STATE_STUDENTNUMBER)) > 0
GROUP BY TRIM(STATE_STUDENTNUMBER)
HAVING COUNT(*) > 1
