-- The district's schools: enrollment school (D5), building number (D4) and exclusion (E6).
SELECT SCHOOL_NUMBER, ALTERNATE_SCHOOL_NUMBER, NAME, STATE_EXCLUDEFROMREPORTING
FROM SCHOOLS
