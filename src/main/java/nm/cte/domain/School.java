package nm.cte.domain;

/** A SCHOOLS row: the numbers D4 builds the building number from, and the exclusion flag of E6. */
public record School(int schoolNumber, Integer alternateSchoolNumber, String name, boolean excludedFromStateReporting) {
}
