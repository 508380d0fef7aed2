package nm.cte.domain;

import java.util.regex.Pattern;

/** The district's PED LEA number of D4: PREFS DistrictNumber, 1 to 3 digits, the middle three digits of every id. */
public record LeaNumber(int value) {

    private static final Pattern ONE_TO_THREE_DIGITS = Pattern.compile("\\d{1,3}");

    /** Reads PREFS "VALUE" of DistrictNumber; null means the district has no such row. */
    public static Checked<LeaNumber> parse(String prefValue) {
        if (prefValue == null) {
            return Checked.invalid("PREFS has no DistrictNumber: no record can get an educationOrganizationId");
        }
        String digits = prefValue.strip();
        if (!ONE_TO_THREE_DIGITS.matcher(digits).matches()) {
            return Checked.invalid("PREFS DistrictNumber '" + digits + "' is not a number of 1 to 3 digits");
        }
        return Checked.valid(new LeaNumber(Integer.parseInt(digits)));
    }
}
