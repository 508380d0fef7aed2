package nm.cte.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** D3: the current school year. */
class SchoolYearTest {

    @Test
    void newSchoolYearStartsOnJulyFirst() {
        assertEquals(2026, SchoolYear.endingYearOn(LocalDate.of(2026, 6, 30)));
        assertEquals(2027, SchoolYear.endingYearOn(LocalDate.of(2026, 7, 1)));
        assertEquals(2027, SchoolYear.endingYearOn(LocalDate.of(2026, 11, 28)));
    }

    @Test
    void yearIdIsFirstCalendarYearMinus1990() {
        assertEquals(36, SchoolYear.yearIdOf(2027));
    }

    @Test
    void yearWithoutTermRunsFromJulyFirstToJuneThirtieth() {
        SchoolYear year = SchoolYear.withoutTerm(2027);

        assertEquals(LocalDate.of(2026, 7, 1), year.firstDay());
        assertEquals(LocalDate.of(2027, 6, 30), year.lastDay());
    }

    @Test
    void boundsAreInclusive() {
        SchoolYear year = new SchoolYear(2027, LocalDate.of(2026, 8, 10), LocalDate.of(2027, 5, 28));

        assertTrue(year.contains(LocalDate.of(2026, 8, 10)));
        assertTrue(year.contains(LocalDate.of(2027, 5, 28)));
        assertFalse(year.contains(LocalDate.of(2026, 8, 9)));
        assertFalse(year.contains(LocalDate.of(2027, 5, 29)));
    }

    @Test
    void labelIsFirstAndEndingYear() {
        assertEquals("2026-27", SchoolYear.withoutTerm(2027).label());
        assertEquals("1999-00", SchoolYear.withoutTerm(2000).label());
    }
}
