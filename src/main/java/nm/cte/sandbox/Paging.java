package nm.cte.sandbox;

import java.util.Map;

/** The offset and limit of a collection GET, with the ODS/API's defaults and bounds. */
record Paging(int offset, int limit) {

    static final int DEFAULT_LIMIT = 25;
    static final int LARGEST_LIMIT = 500;
    private static final String NEGATIVE_OFFSET = "Offset cannot be a negative value.";

    static Paging of(Map<String, String> query, ErrorDialect errors) throws Refusal {
        int offset = number(query.get("offset"), 0);
        if (offset < 0) {
            throw new Refusal(errors.badParameter(NEGATIVE_OFFSET));
        }
        int limit = number(query.get("limit"), DEFAULT_LIMIT);
        if (limit < errors.smallestLimit() || limit > LARGEST_LIMIT) {
            throw new Refusal(errors.badParameter(errors.limitOutOfRange(LARGEST_LIMIT)));
        }
        return new Paging(offset, limit);
    }

    /** Absent gives the default; anything but a whole number gives -1, which no bound accepts. */
    private static int number(String value, int absent) {
        if (value == null) {
            return absent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
