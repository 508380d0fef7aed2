package nm.cte.web;

import java.util.Map;

/** The words of PowerSchool's publishing page for the statuses of D15, which the district's staff know. */
final class Labels {

    private static final Map<String, String> STATUS = Map.of(
            "PUBLISHED", "Published",
            "DEPENDENCY", "Dependencies",
            "ERROR", "Errors",
            "DATA_EXCEPTION", "Data Exceptions",
            "EXCLUDED", "Excluded",
            "UNCHANGED", "Unchanged",
            "DELETED", "Deleted",
            "READY", "Ready");

    private Labels() {
    }

    static String status(String status) {
        return STATUS.getOrDefault(status, status);
    }
}
