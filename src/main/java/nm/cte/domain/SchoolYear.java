package nm.cte.domain;

import java.time.LocalDate;
import java.time.Month;

/** The current school year of D3, named by its ending year, with the first and last day of the district-wide year term. */
public record SchoolYear(int endingYear, LocalDate firstDay, LocalDate lastDay) {

    /** The school year that a given day belongs to: a new one starts on July 1. */
    public static int endingYearOn(LocalDate day) {
        return day.getMonthValue() >= Month.JULY.getValue() ? day.getYear() + 1 : day.getYear();
    }

    /** PowerSchool's YEARID of the year term: the first calendar year - 1990. */
    public static int yearIdOf(int endingYear) {
        return endingYear - 1991;
    }

    /** The bounds when the district has no year term: July 1 to June 30. */
    public static SchoolYear withoutTerm(int endingYear) {
        return new SchoolYear(endingYear, LocalDate.of(endingYear - 1, Month.JULY, 1), LocalDate.of(endingYear, Month.JUNE, 30));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }

    /** The name people use, e.g. 2026-27. */
    public String label() {
        return (endingYear - 1) + "-" + String.format("%02d", endingYear % 100);
    }
}
