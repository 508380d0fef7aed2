package nm.cte.ods;

import java.util.Optional;
import nm.cte.domain.Outcome;
import nm.cte.domain.Reason;

/** What the ODS/API's answer to a record means for it (D11), whichever shape of error body the ODS uses. */
public final class OdsAnswers {

    private OdsAnswers() {
    }

    /** Whether the ODS stored the record: 201 created, 200 or 204 updated (or deleted). */
    public static boolean stored(int status) {
        return status >= 200 && status < 300;
    }

    /**
     * An answer that did not store the record. "Not now" (5xx, 429, a 401 to a token renewed a moment ago) reaches here
     * only after every redelivery: ERROR, tried again next run. Any other is the ODS's word on the record: a 409 that
     * names the Student or the Program, in any Ed-Fi API's words, is a DEPENDENCY (E10, D11), the rest ERROR with the
     * ODS's own message.
     */
    public static Outcome failed(int status, String body) {
        if (status >= 500 || status == 429 || status == 401) {
            return unavailable(status, body);
        }
        String message = OdsMessages.of(status, body);
        if (status == 409) {
            Optional<Reason> dependency = Conflicts.dependency(body);
            if (dependency.isPresent()) {
                return Outcome.of(dependency.get(), message);
            }
        }
        return Outcome.of(Reason.ODS_REJECTED, status + ": " + message);
    }

    /** The ODS kept answering "not now" through every redelivery: ERROR, tried again next run. */
    public static Outcome unavailable(int status, String body) {
        return Outcome.of(Reason.ODS_UNAVAILABLE, "the ODS/API answered " + status + ": " + OdsMessages.of(status, body)
                + " (after every redelivery)");
    }

    /** The resource id of a stored record: the last segment of the Location the ODS answered with. */
    public static String resourceId(String location) {
        return location == null ? null : location.substring(location.lastIndexOf('/') + 1);
    }
}
