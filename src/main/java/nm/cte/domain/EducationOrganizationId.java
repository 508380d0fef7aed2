package nm.cte.domain;

/** D4: the 8-digit Ed-Fi id of the school delivering the program: 35 (New Mexico), the LEA, the building. */
public record EducationOrganizationId(int value) {

    private static final int NEW_MEXICO = 35;

    public static EducationOrganizationId of(LeaNumber lea, BuildingNumber building) {
        return new EducationOrganizationId(NEW_MEXICO * 1_000_000 + lea.value() * 1_000 + building.value());
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
