package nm.cte.edfi;

/** The Ed-Fi Data Standards the publisher speaks (D10), each with the schema its records are checked against. */
public enum DataStandard {
    /** Data Standard 3.3 (ODS/API 5.x): ctePrograms[]. */
    DS3(3, "edfi/ds3.json"),
    /** Data Standard 4.0 (ODS/API 6.x): ctePrograms[]. */
    DS4(4, "edfi/ds4.json"),
    /** Data Standard 5.x (ODS/API 7.x): cteProgramServices[]; no career pathway, no completion flag. */
    DS5(5, "edfi/ds5.json");

    private final int number;
    private final String schemaResource;

    DataStandard(int number, String schemaResource) {
        this.number = number;
        this.schemaResource = schemaResource;
    }

    /** The setting's value: 3, 4 or 5. */
    public static DataStandard of(int number) {
        for (DataStandard standard : values()) {
            if (standard.number == number) {
                return standard;
            }
        }
        throw new IllegalArgumentException("the Ed-Fi Data Standard must be 3, 4 or 5, not " + number);
    }

    /** The setting's value of this standard: 3, 4 or 5. */
    public int number() {
        return number;
    }

    /** Whether records carry ctePrograms[] (career pathway and completion) rather than cteProgramServices[]. */
    public boolean hasCtePrograms() {
        return this != DS5;
    }

    String schemaResource() {
        return schemaResource;
    }
}
