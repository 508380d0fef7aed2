package nm.cte.domain;

import static nm.cte.domain.Periods.ALTERNATIVE_SCHOOL;
import static nm.cte.domain.Periods.FIRST_WEEK;
import static nm.cte.domain.Periods.HIGH_SCHOOL;
import static nm.cte.domain.Periods.current;
import static nm.cte.domain.Periods.rules;
import static nm.cte.domain.Periods.student;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** D4: 35, the LEA in three digits, the building in three digits. */
class EducationOrganizationIdTest {

    private static int idFor(String locationCode, int schoolId) {
        Candidate candidate = rules().judge(current(student("123456789", false, locationCode), schoolId, FIRST_WEEK, null));
        assertTrue(candidate.isReady(), candidate.outcome().message());
        return candidate.association().educationOrganizationId().value();
    }

    @Test
    void schoolNumberIsTheBuildingWithoutOverrides() {
        assertEquals(35001100, idFor(null, 100));
    }

    @Test
    void alternateSchoolNumberAboveZeroWinsOverSchoolNumber() {
        assertEquals(35001045, idFor(null, 200));
    }

    @Test
    void alternateSchoolNumberZeroLeavesSchoolNumber() {
        assertEquals(100, BuildingNumber.of(null, new School(100, 0, "A", false)).value().value());
    }

    @Test
    void locationCodeWinsOverAlternateAndSchoolNumber() {
        assertEquals(35001045, idFor("045", 100));
        assertEquals(35001012, idFor("12", 200));
    }

    @Test
    void locationCodeIsTrimmedAndPadded() {
        assertEquals(35001007, idFor(" 7 ", 100));
    }

    @Test
    void blankLocationCodeIsNoOverride() {
        assertEquals(35001100, idFor("   ", 100));
    }

    @Test
    void buildingAbove999IsInvalidNeverTruncated() {
        Checked<BuildingNumber> building = BuildingNumber.of(null, new School(1234, null, "Big", false));

        assertFalse(building.isValid());
        assertTrue(building.problem().contains("1234"), building.problem());
    }

    @Test
    void alternateSchoolNumberAbove999IsInvalid() {
        assertFalse(BuildingNumber.of(null, new School(100, 1000, "Big", false)).isValid());
    }

    @Test
    void locationCodeZeroIsInvalid() {
        assertFalse(BuildingNumber.of("0", HIGH_SCHOOL).isValid());
    }

    @Test
    void locationCodeWithLettersIsInvalid() {
        Checked<BuildingNumber> building = BuildingNumber.of("AB", ALTERNATIVE_SCHOOL);

        assertFalse(building.isValid());
        assertTrue(building.problem().contains("'AB'"), building.problem());
    }

    @Test
    void districtNumberIsTrimmedAndPadded() {
        assertEquals(1, LeaNumber.parse(" 001 ").value().value());
        assertEquals(35001100, EducationOrganizationId.of(LeaNumber.parse("1").value(), new BuildingNumber(100)).value());
        assertEquals(35099001, EducationOrganizationId.of(LeaNumber.parse("99").value(), new BuildingNumber(1)).value());
    }

    @Test
    void districtNumberOfFourDigitsIsInvalid() {
        assertFalse(LeaNumber.parse("1234").isValid());
    }

    @Test
    void districtNumberWithLettersIsInvalid() {
        assertFalse(LeaNumber.parse("ABC").isValid());
    }

    @Test
    void missingDistrictNumberIsInvalid() {
        assertFalse(LeaNumber.parse(null).isValid());
    }
}
