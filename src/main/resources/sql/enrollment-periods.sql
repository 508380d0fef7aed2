-- The enrollment periods (D1) of CTE participants (D2): one row per period, the STUDENTS row and each REENROLLMENTS
-- row. In STUDENTS' own key order, so that a student's periods arrive together and no database has to sort the whole
-- district first; StudentRows orders each student's periods and brings together those sharing a state id (D10).
-- Parameters: the current school year's first and last day (D3); the run's selection, '*' and -1 for none: a student
-- by STATE_STUDENTNUMBER or STUDENT_NUMBER, and a school, whose periods are narrowed down here and exactly (D5) after.
-- Derived tables, not WITH: H2, which stands in for PowerSchool in the demo, computes the whole result of a query
-- with WITH before it hands over its first row.
SELECT p.PERIOD_SOURCE, p.PERIOD_ID, p.STUDENT_DCID, p.GRADE_LEVEL, p.SCHOOLID, p.ENROLLMENT_SCHOOLID,
       p.ENROLL_STATUS, p.ENTRYDATE, p.EXITDATE,
       s.STUDENT_NUMBER, s.LAST_NAME, s.FIRST_NAME, s.STATE_STUDENTNUMBER,
       s.STATE_EXCLUDEFROMREPORTING AS STUDENT_EXCLUDED, x.LOCATIONCODE,
       COALESCE(NULLIF(TRIM(s.STATE_STUDENTNUMBER), ''), 'DCID ' || s.DCID) AS STUDENT_KEY,
       c.COMPLETER
FROM (
    SELECT 'STUDENTS' AS PERIOD_SOURCE, s.DCID AS PERIOD_ID, s.DCID AS STUDENT_DCID, s.GRADE_LEVEL,
           s.SCHOOLID, s.ENROLLMENT_SCHOOLID, s.ENROLL_STATUS, s.ENTRYDATE, s.EXITDATE
    FROM STUDENTS s
    UNION ALL
    SELECT 'REENROLLMENTS', r.DCID, s.DCID, r.GRADE_LEVEL,
           r.SCHOOLID, CAST(NULL AS NUMBER(10,0)), CAST(NULL AS NUMBER(10,0)), r.ENTRYDATE, r.EXITDATE
    FROM REENROLLMENTS r
    JOIN STUDENTS s ON s.ID = r.STUDENTID
) p
JOIN (
    -- D2: a credential row counts when it is not earned yet or was earned within the school year;
    -- D8: the student completed the program when a counting row says so
    SELECT c.STUDENTSDCID,
           MAX(CASE WHEN c.CTEPROGRAMCOMPLETER = 1 THEN 1 ELSE 0 END) AS COMPLETER
    FROM S_NM_STU_INDUSTRYCRED_C c
    WHERE c.CREDENTIALEARNEDDATE IS NULL
       OR (c.CREDENTIALEARNEDDATE >= :#firstDay AND c.CREDENTIALEARNEDDATE <= :#lastDay)
    GROUP BY c.STUDENTSDCID
) c ON c.STUDENTSDCID = p.STUDENT_DCID
JOIN STUDENTS s ON s.DCID = p.STUDENT_DCID
LEFT JOIN S_NM_STU_X x ON x.STUDENTSDCID = s.DCID
-- a student by state id or PS student number (shared-state-ids-of-student.sql names the student alike), a school
WHERE (:#student = '*' OR TRIM(s.STATE_STUDENTNUMBER) = :#student OR CAST(s.STUDENT_NUMBER AS VARCHAR(20)) = :#student)
  AND (:#school = -1 OR p.SCHOOLID = :#school OR p.ENROLLMENT_SCHOOLID = :#school)
ORDER BY s.DCID
