-- The district-wide year terms: the bounds of a school year (D3).
SELECT YEARID, FIRSTDAY, LASTDAY
FROM TERMS
WHERE SCHOOLID = 0 AND ISYEARREC = 1
