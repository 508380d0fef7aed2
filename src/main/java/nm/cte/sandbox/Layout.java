package nm.cte.sandbox;

import java.util.Locale;

/**
 * Where a real Ed-Fi API serves its discovery document, its token and its data, so that the sandbox can stand in for
 * each: the paths below are relative to the sandbox's root ({@code http://127.0.0.1:PORT}).
 */
public enum Layout {
    /** ODS/API 5.x/6.x shared instance (or sandbox): token /oauth/token, data /data/v3. */
    SHARED("Shared Instance"),
    /** ODS/API 5.x/6.x "Year Specific": data /data/v3/{school year}; any other year is 404. */
    YEAR("Year Specific"),
    /** ODS/API 5.x/6.x "Instance Year Specific": token /{instance}/oauth/token, data /data/v3/{instance}/{year}. */
    INSTANCE("Instance Year Specific"),
    /** ODS/API 7.x with tenants and a school-year route context: everything under /{tenant}/{year}. */
    TENANT("with a tenant and a school-year route"),
    /** The Ed-Fi Data Management Service: token /oauth/token, data /data (no /v3). */
    DMS("Ed-Fi Data Management Service"),
    /** Ed-Fi Meadowlark: everything under its stage, /local; data /local/v3.3b. */
    MEADOWLARK("Meadowlark");

    /** The one tenant a TENANT-layout sandbox has. */
    public static final String TENANT_ID = "tenant1";
    /** The one instance an INSTANCE-layout sandbox has. */
    public static final String INSTANCE_ID = "instance1";
    /** Meadowlark's stage, as its local deployment names it. */
    public static final String STAGE = "local";

    private final String description;

    Layout(String description) {
        this.description = description;
    }

    /** The value of {@code sandbox --layout}: shared, year, instance, tenant, dms or meadowlark. */
    public static Layout of(String name) {
        for (Layout layout : values()) {
            if (layout.optionValue().equals(name.toLowerCase(Locale.ROOT))) {
                return layout;
            }
        }
        throw new IllegalArgumentException("the layout must be shared, year, instance, tenant, dms or meadowlark, not '"
                + name + "'");
    }

    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the layout imitates, in words, e.g. "Year Specific". */
    public String description() {
        return description;
    }

    /**
     * What a sandbox of this layout stands for: "6.x" (shared), "6.x Year Specific", "7.x with a tenant and a
     * school-year route", "Ed-Fi Data Management Service", "Meadowlark".
     */
    public String label(int apiMajorVersion) {
        return switch (this) {
            case SHARED -> apiMajorVersion + ".x";
            case YEAR, INSTANCE, TENANT -> apiMajorVersion + ".x " + description;
            case DMS, MEADOWLARK -> description;
        };
    }

    /** The path of the URL an operator sets as CTE_ODS_BASE_URL: the one that serves the discovery document. */
    public String basePath(int schoolYear) {
        return switch (this) {
            case SHARED, YEAR, INSTANCE, DMS -> "";
            case TENANT -> "/" + TENANT_ID + "/" + schoolYear;
            case MEADOWLARK -> "/" + STAGE;
        };
    }

    /** The path that {@code /ed-fi/studentCTEProgramAssociations} is appended to. */
    public String dataPath(int schoolYear) {
        return switch (this) {
            case SHARED -> "/data/v3";
            case YEAR -> "/data/v3/" + schoolYear;
            case INSTANCE -> "/data/v3/" + INSTANCE_ID + "/" + schoolYear;
            case TENANT -> basePath(schoolYear) + "/data/v3";
            case DMS -> "/data";
            case MEADOWLARK -> "/" + STAGE + "/v3.3b";
        };
    }

    /** The path of the token endpoint. */
    public String tokenPath(int schoolYear) {
        return switch (this) {
            case SHARED, YEAR, DMS -> "/oauth/token";
            case INSTANCE -> "/" + INSTANCE_ID + "/oauth/token";
            case TENANT, MEADOWLARK -> basePath(schoolYear) + "/oauth/token";
        };
    }

    /** The Data Standard the real server of this kind serves unless told otherwise. */
    int usualDataStandard(int dataStandard) {
        return switch (this) {
            case SHARED, YEAR, INSTANCE -> dataStandard;
            case TENANT, DMS -> 5;
            case MEADOWLARK -> 3;
        };
    }

    /** The ODS/API generation whose error shapes the layout speaks where it has none of its own. */
    int usualApiMajorVersion(int apiMajorVersion) {
        return switch (this) {
            case SHARED, YEAR, INSTANCE -> apiMajorVersion;
            case TENANT, DMS -> 7;
            case MEADOWLARK -> 6;
        };
    }
}
