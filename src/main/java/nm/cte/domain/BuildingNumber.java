package nm.cte.domain;

import java.util.regex.Pattern;

/** The building part of D4: a whole number from 1 to 999, never truncated. */
public record BuildingNumber(int value) {

    private static final int HIGHEST = 999;
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /**
     * D4: S_NM_STU_X.LOCATIONCODE when it is not blank; else the enrollment school's ALTERNATE_SCHOOL_NUMBER when it
     * is above 0; else its SCHOOL_NUMBER.
     */
    public static Checked<BuildingNumber> of(String locationCode, School enrollmentSchool) {
        if (locationCode != null && !locationCode.isBlank()) {
            String code = locationCode.strip();
            if (!DIGITS.matcher(code).matches()) {
                return Checked.invalid("LOCATIONCODE '" + code + "' is not a building number from 1 to " + HIGHEST);
            }
            return inRange(Integer.parseInt(code), "LOCATIONCODE");
        }
        Integer alternate = enrollmentSchool.alternateSchoolNumber();
        if (alternate != null && alternate > 0) {
            return inRange(alternate, "ALTERNATE_SCHOOL_NUMBER of " + enrollmentSchool.name());
        }
        return inRange(enrollmentSchool.schoolNumber(), "SCHOOL_NUMBER of " + enrollmentSchool.name());
    }

    private static Checked<BuildingNumber> inRange(int number, String source) {
        if (number < 1 || number > HIGHEST) {
            return Checked.invalid(source + " is " + number + ", not a building number from 1 to " + HIGHEST);
        }
        return Checked.valid(new BuildingNumber(number));
    }
}
